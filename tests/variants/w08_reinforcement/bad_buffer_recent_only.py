# kind: wrong
# why: the replay buffer samples only the most recent transitions
# loses: test_replay_buffer
# %% replay_buffer
class ReplayBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = []

    def push(self, state, action, reward, next_state, terminated, truncated):
        self.data.append((state, action, reward, next_state, float(terminated), float(truncated)))
        if len(self.data) > self.capacity:
            self.data.pop(0)

    def sample(self, batch_size):
        batch = self.data[-batch_size:]
        s, a, r, ns, te, tr = zip(*batch)
        return (torch.as_tensor(np.stack(s), dtype=torch.float32), torch.as_tensor(a, dtype=torch.int64),
                torch.as_tensor(r, dtype=torch.float32), torch.as_tensor(np.stack(ns), dtype=torch.float32),
                torch.as_tensor(te, dtype=torch.float32), torch.as_tensor(tr, dtype=torch.float32))

    def __len__(self):
        return len(self.data)
