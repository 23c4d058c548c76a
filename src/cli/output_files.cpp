#include "cli/output_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace hh {
namespace {

Status WriteAll(const std::string& path, const std::string& content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Unavailable(path + ": cannot create: " + std::strerror(errno));
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return Unavailable(path + ": write failed: " + std::strerror(err));
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) return Unavailable(path + ": close failed: " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace

Status WriteOutputFiles(const std::string& dir, const std::vector<OutputFile>& files) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Unavailable(dir + ": cannot create folder: " + ec.message());
  std::vector<std::string> temps;
  Status failed;
  for (const OutputFile& f : files) {
    std::string tmp = dir + "/." + f.name + ".tmp";
    temps.push_back(tmp);
    failed = WriteAll(tmp, f.content);
    if (!failed.ok()) break;
  }
  if (failed.ok()) {
    for (size_t i = 0; i < files.size(); ++i) {
      std::string final_path = dir + "/" + files[i].name;
      if (std::rename(temps[i].c_str(), final_path.c_str()) != 0) {
        failed = Unavailable(final_path + ": cannot rename into place: " + std::strerror(errno));
        break;
      }
    }
  }
  if (!failed.ok()) {
    for (const std::string& t : temps) std::remove(t.c_str());
  }
  return failed;
}

}  // namespace hh
