# kind: correct
# why: keeps the whole history and counts the epochs since the best one
# %% early_stopping
class EarlyStopping:
    def __init__(self, patience=5, min_delta=0.0):
        self.patience, self.min_delta = patience, min_delta
        self.best_loss, self.best_epoch = float("inf"), None
        self.bad_epochs = 0
        self.history = []

    def step(self, epoch, val_loss):
        self.history.append((epoch, val_loss))
        improved = val_loss < self.best_loss - self.min_delta
        if improved:
            self.best_loss = val_loss
            self.best_epoch = epoch
        self.bad_epochs = 0 if improved else self.bad_epochs + 1
        if self.bad_epochs >= self.patience:
            return True
        return False
