# Warnings are errors for the project's own code; third-party headers are included as SYSTEM.
function(dt_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
                                           -Wformat=2 -Werror
                                           # GCC 12 false positive on coroutine frames (GCC PR 109224)
                                           -Wno-mismatched-new-delete)
endfunction()
