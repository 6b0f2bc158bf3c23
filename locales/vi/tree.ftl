# tree
