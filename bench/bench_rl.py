"""Week 8: do the lab's RL settings solve CartPole reliably? Train both agents of the notebook for several seeds.

    python bench/bench_rl.py [--seeds 3] [--jobs 1] [--fast]

The training code is taken from the lab's source notebook (labs/w08_reinforcement/w08_reinforcement.ipynb): its
import cell, the model solutions and the two training functions, so the benchmark measures exactly what the
notebook runs. For every seed it trains REINFORCE and DQN with the notebook's full-mode settings, evaluates each
greedy policy on 100 episodes, and prints the returns, the wall time and the success rate (mean return >= 475,
CartPole-v1's solve threshold). --fast uses the notebook's fast-mode settings (no solve expected).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAB = ROOT / "labs" / "w08_reinforcement" / "w08_reinforcement.ipynb"
CELLS = ["imports", "discounted_return", "reward_to_go", "normalised_advantages", "policy_gradient_loss",
         "epsilon_by_step", "replay_buffer", "td_targets", "dqn_loss", "update_target", "reinforce_def", "dqn_def"]
SOLVED = 475.0


def lab_namespace() -> dict:
    """The notebook's definitions (imports, model solutions, training functions), executed in a fresh namespace."""
    import nbformat

    os.environ.setdefault("MPLBACKEND", "Agg")
    nb = nbformat.read(LAB, as_version=4)
    by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in nb.cells if c.cell_type == "code"}
    import dlcourse

    namespace: dict = {"dlcourse": dlcourse, "__name__": "w08_lab"}
    for grade_id in CELLS:
        exec(compile(by_id[grade_id], f"<{grade_id}>", "exec"), namespace)
    return namespace


def run_seed(seed: int, fast: bool) -> dict:
    if fast:
        os.environ["DLCOURSE_FAST"] = "1"
    import torch

    torch.set_num_threads(1)  # one process per seed; the networks are tiny
    ns = lab_namespace()
    ns["random"].seed(seed)
    row = {"seed": seed}
    start = time.perf_counter()
    policy, history = ns["train_reinforce"](seed, max_updates=ns["pick"](150, 3), verbose=False)
    row["reinforce_s"] = time.perf_counter() - start
    row["reinforce_episodes"] = len(history)
    row["reinforce"] = float(ns["evaluate"](ns["greedy_actor"](policy), 100).mean())
    start = time.perf_counter()
    pick = ns["pick"]
    q_net, history = ns["train_dqn"](seed, total_steps=pick(60_000, 600), learning_starts=pick(1_000, 100),
                                     decay_steps=pick(10_000, 400), eval_every=pick(1_000, 300), verbose=False)
    row["dqn_s"] = time.perf_counter() - start
    row["dqn_steps"] = int(sum(history))
    row["dqn"] = float(ns["evaluate"](ns["greedy_actor"](q_net), 100).mean())
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3, help="number of seeds (0, 1, ...); default 3")
    parser.add_argument("--jobs", type=int, default=1, help="seeds trained in parallel processes; default 1")
    parser.add_argument("--fast", action="store_true", help="the notebook's fast-mode settings")
    args = parser.parse_args()
    os.environ.setdefault("DLCOURSE_OFFLINE", "1")
    sys.path.insert(0, str(ROOT / "src"))
    seeds = list(range(args.seeds))
    print(f"\n== week 8 RL: both agents over {len(seeds)} seeds ({'fast' if args.fast else 'full'} mode, "
          f"{args.jobs} job(s)); success = greedy mean return over 100 episodes >= {SOLVED:g}")
    print(f"{'seed':>4}  {'REINFORCE':>9} {'episodes':>8} {'s':>6}   {'DQN':>6} {'steps':>7} {'s':>6}")
    rows = []
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for row in pool.map(run_seed, seeds, [args.fast] * len(seeds)):
            rows.append(row)
            print(f"{row['seed']:>4}  {row['reinforce']:>9.1f} {row['reinforce_episodes']:>8} {row['reinforce_s']:>6.1f}"
                  f"   {row['dqn']:>6.1f} {row['dqn_steps']:>7} {row['dqn_s']:>6.1f}", flush=True)
    for agent in ("reinforce", "dqn"):
        solved = sum(r[agent] >= SOLVED for r in rows)
        mean_s = sum(r[f"{agent}_s"] for r in rows) / len(rows)
        print(f"{agent:>9}: solved {solved}/{len(rows)} seeds ({solved / len(rows):.0%}), "
              f"mean training time {mean_s:.1f} s")


if __name__ == "__main__":
    main()
