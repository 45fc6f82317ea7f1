# kind: wrong
# why: zip(*grid.values()) pairs the i-th values of each list instead of trying every combination
# loses: ex81_test
# %% ex81_solution
def grid_search(grid, run):
    results = []
    for values in zip(*grid.values()):
        config = dict(zip(grid.keys(), values))
        results.append((config, run(**config)))
    best_config = min(results, key=lambda pair: pair[1]["val_loss"])[0]
    return best_config, results
