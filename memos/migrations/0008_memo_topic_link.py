"""MemoTopic: the memo-topic link as a model of its own (so that its bulk writes note the memos they
touch, memos.changes), over the table Django made for the implicit link: state only, no schema change."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('memos', '0007_rank_vector'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='MemoTopic',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('memo', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='memos.memo')),
                        ('topic', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='memos.topic')),
                    ],
                    options={
                        'db_table': 'memos_memo_topics',
                        'unique_together': {('memo', 'topic')},
                    },
                ),
                migrations.AlterField(
                    model_name='memo',
                    name='topics',
                    field=models.ManyToManyField(blank=True, related_name='memos', through='memos.MemoTopic', to='memos.topic'),
                ),
            ],
            database_operations=[],
        ),
    ]
