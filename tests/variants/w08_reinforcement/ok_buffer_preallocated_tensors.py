# kind: correct
# why: replay buffer preallocated as torch tensors with a ring index and torch.randint
# %% replay_buffer
class ReplayBuffer:
    def __init__(self, capacity):
        self.capacity, self.size, self.i = capacity, 0, 0
        self.s = torch.zeros(capacity, 4)
        self.a = torch.zeros(capacity, dtype=torch.int64)
        self.r = torch.zeros(capacity)
        self.ns = torch.zeros(capacity, 4)
        self.te = torch.zeros(capacity)
        self.tr = torch.zeros(capacity)

    def push(self, state, action, reward, next_state, terminated, truncated):
        self.s[self.i] = torch.as_tensor(state)
        self.a[self.i] = action
        self.r[self.i] = reward
        self.ns[self.i] = torch.as_tensor(next_state)
        self.te[self.i] = float(terminated)
        self.tr[self.i] = float(truncated)
        self.i = (self.i + 1) % self.capacity
        self.size = min(self.size + 1, self.capacity)

    def sample(self, batch_size):
        idx = torch.randint(0, self.size, (batch_size,))
        return self.s[idx], self.a[idx], self.r[idx], self.ns[idx], self.te[idx], self.tr[idx]

    def __len__(self):
        return self.size
