"""Production: the shared settings only; the dev tools are not installed and never imported."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEBUG

# base.py falls back to a key everyone can read in this repository; serving with it would let
# anyone forge sessions and password reset links. Refuse to start instead.
if not DEBUG and not os.environ.get("SECRET_KEY", "").strip():
    raise ImproperlyConfigured(
        "SECRET_KEY is not set: production (DEBUG=0) needs a long random secret in the environment, "
        "the same on every app server."
    )
