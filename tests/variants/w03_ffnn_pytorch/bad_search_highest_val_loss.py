# kind: wrong
# why: max instead of min: keeps the configuration with the HIGHEST validation loss (argmax for a loss)
# loses: ex81_test
# %% ex81_solution
def grid_search(grid, run):
    names = list(grid)
    results = [(dict(zip(names, v)), None) for v in itertools.product(*(grid[n] for n in names))]
    results = [(c, run(**c)) for c, _ in results]
    best = max(results, key=lambda r: r[1]["val_loss"])
    return best[0], results
