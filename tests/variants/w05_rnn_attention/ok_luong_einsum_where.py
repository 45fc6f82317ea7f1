# kind: correct
# why: einsum for scores and context, torch.where with a very negative number instead of -inf
# %% luong_attention
def luong_attention(queries, keys, mask):
    scores = torch.einsum("nth,nsh->nts", queries, keys)
    scores = torch.where(mask.unsqueeze(1), scores, torch.full_like(scores, -1e30))
    weights = F.softmax(scores, dim=2)
    return torch.einsum("nts,nsh->nth", weights, keys), weights
