"""Small reinforcement-learning helpers for the week-8 lab: play episodes, evaluate a policy, draw CartPole.

Everything works headless and with the course's own dependencies (Gymnasium, NumPy, matplotlib): CartPole is
drawn from its state with matplotlib, so neither pygame nor a display is needed. Show an animation inline in
Jupyter and Colab with `show_animation(anim)` (or `IPython.display.HTML(anim.to_jshtml())`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

ENV_ID = "CartPole-v1"


@dataclass
class Episode:
    """One finished episode: observations s_0..s_T (T+1 of them: the last is the state it ended in), actions and
    rewards a_0..a_{T-1}, r_0..r_{T-1}, and how it ended: `terminated` (the pole fell or the cart left the
    track: a true end) or `truncated` (the time limit of 500 steps: the task itself would have gone on)."""

    states: np.ndarray
    actions: np.ndarray
    rewards: np.ndarray
    terminated: bool
    truncated: bool
    seed: int | None = None

    @property
    def total_return(self) -> float:
        return float(np.sum(self.rewards))

    def __len__(self) -> int:
        return len(self.rewards)


def make_env(env_id: str = ENV_ID, seed: int | None = None, **kwargs):
    """`gymnasium.make(env_id)` with its action space seeded (reset it with `env.reset(seed=...)`)."""
    import gymnasium as gym

    env = gym.make(env_id, **kwargs)
    if seed is not None:
        env.action_space.seed(seed)
    return env


def play_episodes(act: Callable[[np.ndarray], Sequence[int]], n_episodes: int, seed: int = 0,
                  env_id: str = ENV_ID, max_steps: int | None = None) -> list[Episode]:
    """Play `n_episodes` episodes side by side (one environment each, stepped in lock-step) and return them.

    act(observations) gets the observations of all still-running episodes as one float32 array of shape
    (n_running, obs_dim) and returns one action per row: a single batched network call per time step instead of
    one per episode. Episode i is reset with seed `seed + i`, so the same seed gives the same start states.
    `max_steps` (optional) cuts episodes shorter than the environment's own time limit (they count as truncated).
    """
    envs = [make_env(env_id, seed + i) for i in range(n_episodes)]
    obs = [env.reset(seed=seed + i)[0] for i, env in enumerate(envs)]
    states = [[np.asarray(o, dtype=np.float32)] for o in obs]
    actions: list[list[int]] = [[] for _ in envs]
    rewards: list[list[float]] = [[] for _ in envs]
    ended = [None] * n_episodes  # (terminated, truncated) once an episode is over
    running = list(range(n_episodes))
    while running:
        batch = np.stack([states[i][-1] for i in running]).astype(np.float32)
        chosen = np.asarray(act(batch)).reshape(-1)
        still = []
        for i, a in zip(running, chosen):
            o, r, terminated, truncated, _ = envs[i].step(int(a))
            states[i].append(np.asarray(o, dtype=np.float32))
            actions[i].append(int(a))
            rewards[i].append(float(r))
            if max_steps is not None and len(rewards[i]) >= max_steps and not terminated:
                truncated = True
            if terminated or truncated:
                ended[i] = (bool(terminated), bool(truncated))
            else:
                still.append(i)
        running = still
    for env in envs:
        env.close()
    return [Episode(np.stack(states[i]), np.asarray(actions[i], dtype=np.int64),
                    np.asarray(rewards[i], dtype=np.float32), ended[i][0], ended[i][1], seed + i)
            for i in range(n_episodes)]


def evaluate(act: Callable[[np.ndarray], Sequence[int]], n_episodes: int = 100, seed: int = 10_000,
             env_id: str = ENV_ID) -> np.ndarray:
    """Returns of `n_episodes` evaluation episodes (seeds seed, seed+1, ...), played side by side."""
    return np.asarray([ep.total_return for ep in play_episodes(act, n_episodes, seed, env_id)])


def random_policy(n_actions: int = 2, seed: int = 0) -> Callable[[np.ndarray], np.ndarray]:
    """A policy that picks actions uniformly at random (a baseline to compare agents with)."""
    rng = np.random.default_rng(seed)
    return lambda obs: rng.integers(n_actions, size=len(obs))


def moving_average(values: Sequence[float], window: int = 20) -> np.ndarray:
    """Mean of the last `window` values at every position (shorter windows at the start)."""
    v = np.asarray(values, dtype=float)
    c = np.cumsum(np.insert(v, 0, 0.0))
    idx = np.arange(1, len(v) + 1)
    lo = np.maximum(idx - window, 0)
    return (c[idx] - c[lo]) / (idx - lo)


# ---------------------------------------------------------------------------------------------- drawing CartPole

# CartPole-v1's geometry (gymnasium/envs/classic_control/cartpole.py): the track ends at x = +-2.4,
# the pole is 2 * 0.5 = 1.0 long, and an episode terminates when |theta| > 12 degrees or |x| > 2.4.
X_LIMIT = 2.4
POLE_LENGTH = 1.0
THETA_LIMIT = 12 * 2 * np.pi / 360


def _cartpole_artists(ax):
    import matplotlib.patches as patches

    ax.set_xlim(-X_LIMIT - 0.4, X_LIMIT + 0.4)
    ax.set_ylim(-0.35, 1.35)
    ax.set_aspect("equal")
    ax.set_yticks([])
    ax.set_xlabel("cart position x")
    ax.axhline(0, color="0.3", lw=1.5, zorder=0)
    for edge in (-X_LIMIT, X_LIMIT):
        ax.axvline(edge, color="tab:red", ls=":", lw=1)
    cart = patches.Rectangle((-0.25, -0.075), 0.5, 0.15, fc="0.2", zorder=2)
    ax.add_patch(cart)
    (pole,) = ax.plot([], [], color="tab:orange", lw=6, solid_capstyle="round", zorder=3)
    (axle,) = ax.plot([], [], "o", color="tab:blue", ms=6, zorder=4)
    label = ax.text(0.02, 0.95, "", transform=ax.transAxes, va="top", family="monospace", fontsize=9)
    return cart, pole, axle, label


def _draw_state(artists, state, step, actions=None):
    cart, pole, axle, label = artists
    x, _, theta, _ = (float(v) for v in state[:4])
    cart.set_x(x - 0.25)
    tip = (x + POLE_LENGTH * np.sin(theta), POLE_LENGTH * np.cos(theta))
    pole.set_data([x, tip[0]], [0.0, tip[1]])
    axle.set_data([x], [0.0])
    text = f"step {step:3d}  x={x:+.2f}  angle={np.degrees(theta):+5.1f} deg"
    if actions is not None and step < len(actions):
        text += "  push " + ("right" if int(actions[step]) == 1 else "left ")
    label.set_text(text)
    return artists


def draw_cartpole(state, ax=None, title: str = "CartPole"):
    """Draw one CartPole state (x, x_dot, theta, theta_dot) with matplotlib; returns the axes."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(6, 2.6))
    _draw_state(_cartpole_artists(ax), state, 0)
    ax.set_title(title)
    return ax


def render_cartpole(states, actions=None, title: str = "CartPole", every: int = 2, fps: int = 25,
                    max_frames: int = 250):
    """A matplotlib animation of a CartPole episode drawn from its states (an array of shape (T, 4)).

    Needs nothing but matplotlib (no pygame, no display). Shows every `every`-th state, at most `max_frames`
    frames. Display it with `show_animation(anim)` or `IPython.display.HTML(anim.to_jshtml())`.
    """
    import matplotlib.pyplot as plt
    from matplotlib import animation

    states = np.asarray(states, dtype=float)
    frames = list(range(0, len(states), max(1, int(every))))
    if len(frames) > max_frames:
        frames = frames[:: int(np.ceil(len(frames) / max_frames))]
    if frames[-1] != len(states) - 1:
        frames.append(len(states) - 1)
    fig, ax = plt.subplots(figsize=(6, 2.6), dpi=72)  # a small dpi keeps the embedded frames (and notebook) small
    ax.set_title(title)
    artists = _cartpole_artists(ax)
    fig.tight_layout()

    def update(frame):
        return _draw_state(artists, states[frame], frame, actions)

    anim = animation.FuncAnimation(fig, update, frames=frames, interval=1000 / fps, blit=False)
    plt.close(fig)  # only the animation is shown, not an extra still image
    return anim


def show_animation(anim):
    """The animation as an interactive HTML player (works in Jupyter, Colab and exported HTML)."""
    from IPython.display import HTML

    return HTML(anim.to_jshtml())


def gym_frames_available(env_id: str = ENV_ID) -> bool:
    """True when Gymnasium's own rgb_array rendering works here (it needs pygame, not a course dependency)."""
    try:
        import pygame  # noqa: F401
    except ImportError:
        return False
    try:
        env = make_env(env_id, render_mode="rgb_array")
        env.reset(seed=0)
        frame = env.render()
        env.close()
        return frame is not None
    except Exception:
        return False


def render_gym_frames(states_seed: int, act: Callable[[np.ndarray], Sequence[int]], env_id: str = ENV_ID,
                      fps: int = 30, every: int = 2):
    """Gymnasium's own pictures (needs pygame): replay one episode from `states_seed` with `act`, as an animation."""
    import matplotlib.pyplot as plt
    from matplotlib import animation

    env = make_env(env_id, states_seed, render_mode="rgb_array")
    obs, _ = env.reset(seed=states_seed)
    frames, done, step = [env.render()], False, 0
    while not done:
        obs, _, terminated, truncated, _ = env.step(int(np.asarray(act(np.asarray(obs, np.float32)[None]))[0]))
        done = terminated or truncated
        step += 1
        if step % every == 0 or done:
            frames.append(env.render())
    env.close()
    fig, ax = plt.subplots(figsize=(6, 4), dpi=72)
    ax.axis("off")
    image = ax.imshow(frames[0])
    anim = animation.FuncAnimation(fig, lambda i: [image.set_data(frames[i])], frames=len(frames),
                                   interval=1000 / fps)
    plt.close(fig)
    return anim


__all__ = ["ENV_ID", "Episode", "make_env", "play_episodes", "evaluate", "random_policy", "moving_average",
           "draw_cartpole", "render_cartpole", "show_animation", "gym_frames_available", "render_gym_frames"]
