#!/usr/bin/env bash
# Checks the services EdgeBatch's tests talk to and starts any that is down.
# MariaDB (3306) and RabbitMQ (5672) back the distributed mode; the embedded mode needs neither.
set -uo pipefail

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # name port seconds
  local i
  for ((i = 0; i < $3; i++)); do
    port_open "$2" && { echo "ci: $1 is up on port $2"; return 0; }
    sleep 1
  done
  echo "ci: $1 did not come up on port $2 within $3 s" >&2
  return 1
}

start_mariadb() {
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || { echo "ci: MariaDB is not installed (apt-get install mariadb-server)" >&2; return 1; }
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
}

start_rabbitmq() {
  command -v rabbitmq-server >/dev/null || { echo "ci: RabbitMQ is not installed (apt-get install rabbitmq-server)" >&2; return 1; }
  rabbitmq-server -detached
}

status=0
if port_open 3306; then echo "ci: MariaDB is up on port 3306"; else
  echo "ci: starting MariaDB"; start_mariadb && wait_for MariaDB 3306 60 || status=1
fi
if port_open 5672; then echo "ci: RabbitMQ is up on port 5672"; else
  echo "ci: starting RabbitMQ"; start_rabbitmq && wait_for RabbitMQ 5672 120 || status=1
fi
exit $status
