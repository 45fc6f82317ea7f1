# kind: wrong
# why: applies the mask to the weights after the softmax instead of to the scores before it
# loses: test_scaled_dot_product_attention
# %% scaled_dot_product_attention
def scaled_dot_product_attention(q, k, v, mask=None):
    weights = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1]), dim=-1)
    if mask is not None:
        weights = weights.masked_fill(~mask, 0.0)
    return weights @ v, weights
