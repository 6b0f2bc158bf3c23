# output
