# kind: wrong
# why: rotations of up to 180 degrees (a 6 becomes a 9)
# loses: test_digit_augmentation
# %% digit_augmentation
def make_digit_augmentation():
    return v2.RandomRotation(degrees=180)
