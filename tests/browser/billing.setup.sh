# The browser test "billing" (sourced by run.sh after the common data: two parking cases waiting
# for their invitation, with known holders): a finance user besides the common ones. The
# officer's letter run happens in the test itself, through the letters screen.
add_user fien finance "Fien Financien"
