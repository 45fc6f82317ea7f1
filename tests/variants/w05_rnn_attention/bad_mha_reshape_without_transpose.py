# kind: wrong
# why: reshapes (N, L, E) straight to (N, heads, L, d), mixing positions and heads
# loses: test_multi_head_attention
# %% multi_head_attention
def multi_head_attention(query, key, value, num_heads, in_proj_weight, in_proj_bias, out_proj_weight,
                         out_proj_bias, mask=None):
    n, l_q, e = query.shape
    d = e // num_heads
    w_q, w_k, w_v = in_proj_weight.chunk(3)
    b_q, b_k, b_v = in_proj_bias.chunk(3)
    q = (query @ w_q.T + b_q).reshape(n, num_heads, l_q, d)
    k = (key @ w_k.T + b_k).reshape(n, num_heads, key.shape[1], d)
    v = (value @ w_v.T + b_v).reshape(n, num_heads, value.shape[1], d)
    out, weights = scaled_dot_product_attention(q, k, v, mask)
    out = out.reshape(n, l_q, e)
    return out @ out_proj_weight.T + out_proj_bias, weights
