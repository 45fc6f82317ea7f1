# kind: correct
# why: one v2.RandomAffine with rotation, translation (10% = 2.8 pixels) and slight zoom
# %% digit_augmentation
def make_digit_augmentation():
    return v2.RandomAffine(degrees=12, translate=(0.1, 0.1), scale=(0.95, 1.05))
