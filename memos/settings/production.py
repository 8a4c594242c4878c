"""Production: the shared settings only; the dev tools are not installed and never imported."""

from .base import *  # noqa: F403
