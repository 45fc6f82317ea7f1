# kind: correct
# why: scales the queries by d_k ** -0.5 first, uses torch.where for the mask and matmul
# %% scaled_dot_product_attention
def scaled_dot_product_attention(q, k, v, mask=None):
    q = q * q.size(-1) ** -0.5
    scores = torch.matmul(q, k.transpose(-1, -2))
    if mask is not None:
        scores = torch.where(mask, scores, torch.tensor(float("-inf"), dtype=scores.dtype))
    weights = scores.softmax(dim=-1)
    return torch.matmul(weights, v), weights
