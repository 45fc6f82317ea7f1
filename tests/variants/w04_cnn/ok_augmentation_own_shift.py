# kind: correct
# why: a hand-written callable that shifts the digit by up to 2 pixels with zero fill (no torchvision)
# %% digit_augmentation
class RandomShift:
    def __init__(self, max_shift=2):
        self.max_shift = max_shift

    def __call__(self, img):
        dy, dx = torch.randint(-self.max_shift, self.max_shift + 1, (2,)).tolist()
        padded = F.pad(img, (self.max_shift,) * 4)
        top, left = self.max_shift - dy, self.max_shift - dx
        return padded[:, top:top + img.shape[1], left:left + img.shape[2]].clone()


def make_digit_augmentation():
    return RandomShift(2)
