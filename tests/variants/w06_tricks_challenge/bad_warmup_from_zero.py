# kind: wrong
# why: the warm-up ramp starts at 0 (step / warmup_steps), so the first step does not train
# loses: test_warmup_cosine
# %% warmup_cosine
def warmup_cosine(step, total_steps, warmup_steps):
    if step < warmup_steps:
        return step / warmup_steps
    return 0.5 * (1 + math.cos(math.pi * (step - warmup_steps) / (total_steps - warmup_steps)))
