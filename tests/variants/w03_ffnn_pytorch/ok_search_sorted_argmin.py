# kind: correct
# why: itertools.product over the items, results as tuples, the best found with np.argmin over the validation losses
# %% ex81_solution
def grid_search(grid, run):
    keys, value_lists = zip(*grid.items())
    results = []
    for combo in itertools.product(*value_lists):
        cfg = {k: v for k, v in zip(keys, combo)}
        results.append((cfg, run(**cfg)))
    val_losses = np.array([float(scores["val_loss"]) for _, scores in results])
    return results[int(np.argmin(val_losses))][0], results
