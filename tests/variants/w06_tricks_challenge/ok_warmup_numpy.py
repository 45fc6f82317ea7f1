# kind: correct
# why: written with numpy's cos and pi, min() instead of the if for the ramp
# %% warmup_cosine
def warmup_cosine(step, total_steps, warmup_steps):
    if step >= warmup_steps:
        t = (step - warmup_steps) / (total_steps - warmup_steps)
        return float((1 + np.cos(np.pi * t)) / 2)
    return min(1.0, (step + 1) / warmup_steps)
