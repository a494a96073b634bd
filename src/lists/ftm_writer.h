// Writes entities as FollowTheMoney (FtM) JSON lines, the form ParseFtmJson
// reads. Output is plain FtM (id, schema, caption, properties, datasets, with
// topics in properties.topics) plus two vigil fields that FtM has no place for
// and that other FtM tools ignore:
//   "relations":   [{"kind","target_id","target_name","wording"}, …]
//   "identifiers": [{"kind","value","country","detail"}, …]  (always present)
// so that parse → write → parse gives back equal entities. Plain FtM input has
// no "identifiers"; the reader then derives them from identifier properties.
#ifndef VIGIL_LISTS_FTM_WRITER_H_
#define VIGIL_LISTS_FTM_WRITER_H_

#include <string>
#include <string_view>

#include "vigil/entity.h"

namespace vigil {

// One JSON object on one line, without a trailing newline. Identifier values
// also appear under their FtM property (e.g. passportNumber) so that plain FtM
// readers see them. Invalid UTF-8 is replaced with U+FFFD.
std::string EntityToFtmJson(const Entity& entity);

// The identifier kinds that are FtM properties: ParseFtmJson records these
// properties as identifiers too, and EntityToFtmJson writes identifiers of these
// kinds back as properties.
bool IsFtmIdentifierProperty(std::string_view property);

}  // namespace vigil

#endif  // VIGIL_LISTS_FTM_WRITER_H_
