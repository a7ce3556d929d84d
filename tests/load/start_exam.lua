-- wrk script: POST /api/catalog/exams for an anonymous class B exam (30 questions drawn from the VN bank).
-- With DT_EXAM_IDS set, the id of every started exam is appended to that file (for answer.lua and submit.lua).
wrk.method = "POST"
wrk.body = '{"jurisdiction":"vn","licence_class":"B"}'
wrk.headers["Content-Type"] = "application/json"

local out = nil
local ids_file = os.getenv("DT_EXAM_IDS")
local counter = 0

function setup(thread)
  thread:set("thread_index", counter)
  counter = counter + 1
end

function init(args)
  if ids_file then out = io.open(ids_file .. "." .. tostring(thread_index), "w") end
end

function response(status, headers, body)
  if out and status == 201 then
    local location = headers["Location"]
    if location then out:write(location:match("[^/]+$"), "\n"); out:flush() end
  end
end
