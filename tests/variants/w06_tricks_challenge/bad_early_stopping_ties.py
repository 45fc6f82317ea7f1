# kind: wrong
# why: a loss equal to the best counts as an improvement (<= instead of <)
# loses: test_early_stopping
# %% early_stopping
class EarlyStopping:
    def __init__(self, patience=5, min_delta=0.0):
        self.patience, self.min_delta = patience, min_delta
        self.best_loss, self.best_epoch = float("inf"), None
        self.bad_epochs = 0

    def step(self, epoch, val_loss):
        if val_loss <= self.best_loss - self.min_delta:
            self.best_loss, self.best_epoch, self.bad_epochs = val_loss, epoch, 0
        else:
            self.bad_epochs += 1
        return self.bad_epochs >= self.patience
