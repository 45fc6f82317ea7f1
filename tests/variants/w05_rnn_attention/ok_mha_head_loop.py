# kind: correct
# why: a Python loop over the heads with slices of the projection matrices, then torch.cat
# %% multi_head_attention
def multi_head_attention(query, key, value, num_heads, in_proj_weight, in_proj_bias, out_proj_weight,
                         out_proj_bias, mask=None):
    e = query.shape[-1]
    d = e // num_heads
    outs, maps = [], []
    for i in range(num_heads):
        cols = slice(i * d, (i + 1) * d)
        q = query @ in_proj_weight[:e][cols].T + in_proj_bias[:e][cols]
        k = key @ in_proj_weight[e:2 * e][cols].T + in_proj_bias[e:2 * e][cols]
        v = value @ in_proj_weight[2 * e:][cols].T + in_proj_bias[2 * e:][cols]
        o, w = scaled_dot_product_attention(q, k, v, mask)
        outs.append(o)
        maps.append(w)
    return F.linear(torch.cat(outs, dim=-1), out_proj_weight, out_proj_bias), torch.stack(maps, dim=1)
