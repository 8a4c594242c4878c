"""The Editors group: exactly the permissions curation in the admin needs, and no user management."""

from django.db import migrations

# (model, actions). Why each is here:
# - memo: view and change (metadata, publish/unpublish, re-extract, export); add, for uploading
#   pages to import. No delete: an unwanted memo is unpublished, and a deleted one would come
#   back on the next import anyway.
# - authorship: the ordered-authors inline on the memo form (add/change/delete rows in it).
# - mention: the mentions inline and list (confirm, reject, add a missed one, fix a count).
# - author, topic, vendor: add and edit them; delete, because a merge deletes the merged rows.
# - country: view only (autocomplete and lists); the ISO list comes from pycountry.
# - importrecord: view only; the import history is an audit trail.
# Nothing from auth: editors cannot manage users or groups.
EDITOR_PERMISSIONS = {
    "memo": ["view", "change", "add"],
    "authorship": ["view", "add", "change", "delete"],
    "mention": ["view", "add", "change", "delete"],
    "author": ["view", "add", "change", "delete"],
    "topic": ["view", "add", "change", "delete"],
    "vendor": ["view", "add", "change", "delete"],
    "country": ["view"],
    "importrecord": ["view"],
}


def create_editors(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate (post_migrate); on a fresh database they
    # do not exist yet at this point, so create them now, as Django's docs suggest.
    app_config = apps.get_app_config("memos")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions]
    permissions = list(Permission.objects.filter(content_type__app_label="memos", codename__in=codenames))
    missing = set(codenames) - {p.codename for p in permissions}
    if missing:
        raise RuntimeError(f"permissions not found: {sorted(missing)}")
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.set(permissions)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("memos", "0003_search_index"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
