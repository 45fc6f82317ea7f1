# kind: wrong
# why: softmax over the decoder steps (dim=1) instead of the source positions
# loses: test_luong_attention, test_seq2seq_accuracy
# %% luong_attention
def luong_attention(queries, keys, mask):
    scores = (queries @ keys.transpose(1, 2)).masked_fill(~mask[:, None, :], float("-inf"))
    weights = torch.softmax(scores, dim=1)
    return weights @ keys, weights
