# kind: correct
# why: the output layer rounded to 3 decimals; loss as a one-element list
# %% forward_output
z2 = [0.772, -0.597]
p = [0.797, 0.203]
loss = [1.595]
