# kind: wrong
# why: calls F.conv2d, which the exercise forbids
# loses: test_conv2d_im2col_forward, test_conv2d_im2col_gradients
# %% conv2d_im2col
def conv2d_im2col(x, w, b=None, stride=1, padding=0):
    return F.conv2d(x, w, b, stride=stride, padding=padding)
