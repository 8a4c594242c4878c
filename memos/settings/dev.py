"""Development: the shared settings plus the benchmark and corpus tools (memos.devtools)."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "memos.devtools"]
