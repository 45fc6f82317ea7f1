# kind: wrong
# why: a horizontal flip in the digit augmentation (mirrored digits)
# loses: test_digit_augmentation
# %% digit_augmentation
def make_digit_augmentation():
    return v2.Compose([v2.RandomCrop(28, padding=2), v2.RandomHorizontalFlip(p=0.5)])
