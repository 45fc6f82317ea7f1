# kind: correct
# why: plain Python lists, rounded to 3 decimals
# %% derivative_numbers
dsigmoid = [0.197, 0.235, 0.105]
dtanh = [0.420, 0.786, 0.071]
drelu = [0, 1, 1]
