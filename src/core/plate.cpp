#include "core/plate.h"

namespace hh {

Result<Plate> Plate::Parse(std::string_view raw) {
  std::string s(raw.size(), '\0');
  s.resize(NormalisePlateInto(raw, s.data()));
  if (s.empty()) return InvalidArgument("plate has no letter or digit");
  return Plate(std::move(s));
}

}  // namespace hh
