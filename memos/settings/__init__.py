"""Settings modules: `base` (shared), `dev` (manage.py's default), `production` (wsgi's), `test`."""
