# kind: correct
# why: torch.std_mean with correction=0 and keepdim
# %% ex11_solution
def standardize(x, eps=1e-8):
    std, mean = torch.std_mean(x, dim=0, correction=0, keepdim=True)
    return (x - mean) / (std + eps)
