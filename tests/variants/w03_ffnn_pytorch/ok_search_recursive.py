# kind: correct
# why: builds the combinations recursively (no itertools) and tracks the best with a plain loop and `<`
# %% ex81_solution
def grid_search(grid, run):
    def combinations(names):
        if not names:
            return [{}]
        rest = combinations(names[1:])
        return [{names[0]: value, **tail} for value in grid[names[0]] for tail in rest]

    results, best_config, best_loss = [], None, float("inf")
    for config in combinations(list(grid.keys())):
        scores = run(**config)
        results.append((config, scores))
        if scores["val_loss"] < best_loss:
            best_config, best_loss = config, scores["val_loss"]
    return best_config, results
