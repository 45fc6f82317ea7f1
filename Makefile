# Every target is a thin call of the `dlcourse` command (see `dlcourse --help`).
VENV    ?= .venv
PYTHON  ?= $(VENV)/bin/python
DL      := $(VENV)/bin/dlcourse
LAB     ?= w02
TORCH   := torch==2.14.1 torchvision==0.29.1
.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

setup: ## create .venv and install the package with the teacher and test tools
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --upgrade pip
	$(PYTHON) -m pip install -q $(TORCH)
	$(PYTHON) -m pip install -q -e '.[dev]'

demo: setup ## the main job: a small synthetic class hands in the week-2 lab, graded, table printed
	DLCOURSE_OFFLINE=1 $(DL) demo

test: ## run the test suite (everything: notebooks, variants corpus, servers, the Colab install)
	DLCOURSE_OFFLINE=1 $(PYTHON) -m pytest -q

test-fast: ## the edit-run loop: no lab notebooks, no servers, no Colab environment
	DLCOURSE_OFFLINE=1 $(PYTHON) -m pytest -q -m "not notebooks and not services and not colab"

lint: ## ruff on the package, the tests and the benchmarks
	$(VENV)/bin/ruff check src tests bench

release: ## generate weeks/ from labs/ (student release)
	$(DL) release

release-check: ## fail when weeks/ or the rendered project catalogue is stale
	$(DL) release --check
	$(DL) projects render --check

publish: ## write the public student repository into DIR (a clone of it): make publish DIR=../students
	$(DL) publish $(or $(DIR),$(error give DIR=path/to/a/clone/of/the/student/repository))

grade: ## grade LAB from FROM (a folder or zip of hand-ins): make grade LAB=w02 FROM=~/Downloads/w02.zip
	$(DL) grade $(LAB) $(if $(FROM),--from "$(FROM)")

feedback: ## write feedback pages for LAB
	$(DL) feedback $(LAB)

status: ## who passed which lab and who may start the project (status.csv)
	$(DL) status

report: ## the teacher's HTML report with plots
	$(DL) report

peer: ## assign peer reviewers for LAB: make peer LAB=w02 [K=3 SEED=1] (K defaults to course.toml's)
	$(DL) peer assign $(LAB) $(if $(K),-k $(K)) --seed $(or $(SEED),0) --out grading/class/peer/$(LAB).csv

challenge: ## the data challenge's leaderboard for LAB: make challenge LAB=w06 (add PUBLIC=1 during the week)
	$(DL) challenge $(LAB) $(if $(PUBLIC),--public-only)

lab: ## open JupyterLab on the student notebooks (weeks/)
	$(VENV)/bin/jupyter lab weeks/

bench: ## benchmarks: lab run times and accuracy, grading throughput, peer-review scale
	OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 $(PYTHON) bench/run_all.py

doctor: ## check this machine's set-up
	$(DL) doctor

clean: ## remove caches and the demo class (never the real class folder)
	rm -rf grading/demo-class .pytest_cache .hypothesis build dist src/*.egg-info
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

.PHONY: help setup demo test test-fast lint release release-check publish challenge grade feedback status report peer lab bench doctor clean
