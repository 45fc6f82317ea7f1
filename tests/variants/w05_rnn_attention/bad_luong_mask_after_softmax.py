# kind: wrong
# why: zeroes the padded weights after the softmax, so the weights no longer sum to 1
# loses: test_luong_attention, test_seq2seq_accuracy
# %% luong_attention
def luong_attention(queries, keys, mask):
    weights = torch.softmax(queries @ keys.transpose(1, 2), dim=-1) * mask[:, None, :]
    return weights @ keys, weights
