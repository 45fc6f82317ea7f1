# kind: wrong
# why: chooses the configuration with the lowest TRAINING loss, which rewards overfitting
# loses: ex81_test
# %% ex81_solution
def grid_search(grid, run):
    names = list(grid)
    results = []
    for values in itertools.product(*(grid[name] for name in names)):
        config = dict(zip(names, values))
        results.append((config, run(**config)))
    best_config = min(results, key=lambda pair: pair[1]["train_loss"])[0]
    return best_config, results
