"""What the API says of each record: the fields of the public pages, as JSON."""

from operator import methodcaller

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Author, Country, Memo, Mention, Topic, Vendor


@extend_schema_field(OpenApiTypes.URI)
class AddressField(serializers.Field):
    """An address on this site, absolute: the page of the record, or its permalink."""

    def __init__(self, path_of, **kwargs):
        self.path_of = path_of  # the record -> its path here
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record) -> str:
        return self.context["request"].build_absolute_uri(self.path_of(record))


class NameSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    slug = serializers.CharField(read_only=True)
    url = AddressField(methodcaller("get_absolute_url"))


class MemoSerializer(serializers.ModelSerializer):
    url = AddressField(methodcaller("get_absolute_url"))
    permalink = AddressField(methodcaller("permalink"))
    authors = serializers.SerializerMethodField()
    topics = NameSerializer(many=True, read_only=True, source="shown_topics")

    class Meta:
        model = Memo
        fields = [
            "id", "slug", "url", "permalink", "title", "authors", "published", "memo_number",
            "series", "category", "language", "summary", "topics", "pdf_url", "source_url",
        ]  # fmt: skip

    def get_authors(self, memo) -> list[dict]:
        return NameSerializer(memo.author_list, many=True, context=self.context).data


class CountryMentionSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="country.code")
    name = serializers.CharField(source="country.name")

    class Meta:
        model = Mention
        fields = ["code", "name", "count", "context"]


class VendorMentionSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(source="vendor.slug")
    name = serializers.CharField(source="vendor.name")

    class Meta:
        model = Mention
        fields = ["slug", "name", "count", "context"]


class MemoDetailSerializer(MemoSerializer):
    countries = serializers.SerializerMethodField()
    vendors = serializers.SerializerMethodField()

    class Meta(MemoSerializer.Meta):
        fields = [*MemoSerializer.Meta.fields, "word_count", "countries", "vendors"]

    def get_countries(self, memo) -> list[dict]:
        mentions = [m for m in memo.counted_mentions if m.country_id]
        return CountryMentionSerializer(mentions, many=True).data

    def get_vendors(self, memo) -> list[dict]:
        mentions = [m for m in memo.counted_mentions if m.vendor_id]
        return VendorMentionSerializer(mentions, many=True).data


class EntitySerializer(serializers.ModelSerializer):
    url = AddressField(methodcaller("get_absolute_url"))
    permalink = AddressField(methodcaller("permalink"))
    memos = serializers.IntegerField(source="n", read_only=True, help_text="Published memos.")


class AuthorSerializer(EntitySerializer):
    class Meta:
        model = Author
        fields = ["id", "name", "slug", "url", "permalink", "memos"]


class TopicSerializer(EntitySerializer):
    class Meta:
        model = Topic
        fields = ["id", "name", "slug", "url", "permalink", "memos"]


class VendorSerializer(EntitySerializer):
    country = serializers.CharField(source="country_id", allow_null=True, read_only=True)

    class Meta:
        model = Vendor
        fields = ["id", "name", "slug", "url", "permalink", "sector", "country", "memos"]


class CountrySerializer(serializers.ModelSerializer):
    url = AddressField(methodcaller("get_absolute_url"))
    memos = serializers.IntegerField(source="n", read_only=True, help_text="Published memos mentioning it.")

    class Meta:
        model = Country
        fields = ["code", "name", "url", "memos"]
