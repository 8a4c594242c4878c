"""gunicorn settings for production; each one can be set from the environment."""

import multiprocessing
import os

wsgi_app = "memos.wsgi:application"

# Behind a load balancer, listen on the private interface: GUNICORN_BIND=0.0.0.0:8000.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the pages are database-bound and short; (2 x cores) + 1 keeps the CPUs busy
# while some workers wait on PostgreSQL.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then, so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10

# Trust X-Forwarded-* only from the load balancer's addresses (comma-separated, or *).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Access log to stdout by default (the process manager keeps it); GUNICORN_ACCESS_LOG=off disables it.
_access = os.environ.get("GUNICORN_ACCESS_LOG", "-")
accesslog = None if _access.lower() in ("", "off", "none") else _access
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
