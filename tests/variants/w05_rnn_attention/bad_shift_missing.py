# kind: wrong
# why: teacher forcing without the shift: the decoder reads the very token it must predict
# loses: test_shift_right, test_seq2seq_accuracy
# %% shift_right
def shift_right(tgt, sos):
    return tgt.clone()
