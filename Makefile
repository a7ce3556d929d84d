# DriveTest developer front. Thin on purpose: the logic lives in infra/*.sh.
#   make run    install, build, start PostgreSQL/Redis and the services, print their URLs
#   make test   install, build, start PostgreSQL/Redis, run the tests
# Logs: var/log/ (build.log, test.log, postgres.log, redis.log, <service>.log).

.DEFAULT_GOAL := help
# Steps depend on each other's side effects (servers, build dirs): never run them in parallel.
.NOTPARALLEL:
.PHONY: help setup build build-asan test test-asan run stop status clean distclean format format-check

help:
	@echo 'make run           build, start PostgreSQL, Redis and the services, print their URLs'
	@echo 'make test          build and run the tests against local PostgreSQL and Redis'
	@echo 'make setup         install the Debian packages in infra/packages.txt (as root)'
	@echo 'make build         configure (first time) and build in build/'
	@echo 'make build-asan    the same with AddressSanitizer/UBSan in build-asan/'
	@echo 'make test-asan     run the tests of build-asan/'
	@echo 'make status        what is running'
	@echo 'make stop          stop the services, then PostgreSQL and Redis'
	@echo 'make format        clang-format the C++ sources; make format-check only checks'
	@echo 'make clean         remove build dirs (keeps var/: data, secrets, logs)'
	@echo 'make distclean     clean, stop everything and remove var/ too'

setup:
	@infra/setup.sh

build: setup
	@infra/build.sh build

build-asan: setup
	@infra/build.sh build-asan -DDT_SANITIZE=ON

test: build format-check
	@infra/infra.sh start
	@infra/test.sh build

test-asan: build-asan
	@infra/infra.sh start
	@infra/test.sh build-asan

run: build
	@infra/run.sh

stop:
	@infra/services.sh stop
	@infra/infra.sh stop

status:
	@infra/infra.sh status; infra/services.sh status

clean:
	rm -rf build build-*

distclean: clean stop
	rm -rf var

format:
	@infra/format.sh fix

format-check:
	@infra/format.sh check
