# kind: correct
# why: z1 and h computed with column vectors (3, 1) and math functions
# %% forward_hidden
import math

z1 = W1 @ x.reshape(2, 1) + b1.reshape(3, 1)
h = np.array([[1 / (1 + math.exp(-z1[0, 0]))], [math.tanh(z1[1, 0])], [max(0.0, z1[2, 0])]])
