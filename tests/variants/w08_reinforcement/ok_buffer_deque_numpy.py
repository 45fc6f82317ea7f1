# kind: correct
# why: replay buffer on a deque with np.random.randint indices (with replacement)
# %% replay_buffer
from collections import deque


class ReplayBuffer:
    def __init__(self, capacity):
        self.memory = deque(maxlen=capacity)

    def push(self, state, action, reward, next_state, terminated, truncated):
        self.memory.append((state, action, reward, next_state, terminated, truncated))

    def sample(self, batch_size):
        idx = np.random.randint(0, len(self.memory), size=batch_size)
        batch = [self.memory[i] for i in idx]
        s = torch.tensor(np.array([b[0] for b in batch]), dtype=torch.float32)
        a = torch.tensor([b[1] for b in batch], dtype=torch.long)
        r = torch.tensor([b[2] for b in batch], dtype=torch.float32)
        ns = torch.tensor(np.array([b[3] for b in batch]), dtype=torch.float32)
        te = torch.tensor([float(b[4]) for b in batch])
        tr = torch.tensor([float(b[5]) for b in batch])
        return s, a, r, ns, te, tr

    def __len__(self):
        return len(self.memory)
