# just a comment
# dockopt: nothing to do here
#
