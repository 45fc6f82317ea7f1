# kind: wrong
# why: never resets the count after an improvement, so it counts all bad epochs, not those in a row
# loses: test_early_stopping
# %% early_stopping
class EarlyStopping:
    def __init__(self, patience=5, min_delta=0.0):
        self.patience, self.min_delta = patience, min_delta
        self.best_loss, self.best_epoch = float("inf"), None
        self.bad_epochs = 0

    def step(self, epoch, val_loss):
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss, self.best_epoch = val_loss, epoch
        else:
            self.bad_epochs += 1
        return self.bad_epochs >= self.patience
