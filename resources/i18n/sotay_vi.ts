<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
    <context>
        <name>A0</name>
        <message>
            <location filename="../../desktop/services/documents/a0_book.py" line="+68" />
            <source>This village no longer exists.</source>
            <translation>Thôn này không còn nữa.</translation>
        </message>
    </context>
    <context>
        <name>Access</name>
        <message>
            <location filename="../../desktop/services/profile/audit.py" line="+217" />
            <source>There is no user with the id {id}.</source>
            <translation>Không có người dùng nào có mã {id}.</translation>
        </message>
        <message>
            <location filename="../../desktop/services/profile/access.py" line="+33" />
            <source>Collaborator (own villages)</source>
            <translation>Cộng tác viên (các thôn mình phụ trách)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Commune officer (whole commune)</source>
            <translation>Cán bộ xã (toàn xã)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hub operator (read only)</source>
            <translation>Cán bộ tuyến trên (chỉ xem)</translation>
        </message>
        <message>
            <location line="+66" />
            <source>A hub operator can read this profile but not change the register.</source>
            <translation>Cán bộ tuyến trên chỉ được xem sổ tay này, không được sửa dữ liệu trong sổ.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Only a commune officer can manage the users.</source>
            <translation>Chỉ cán bộ xã mới được quản lý người dùng.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Only a commune officer can add or rename the villages of the commune.</source>
            <translation>Chỉ cán bộ xã mới được thêm hoặc đổi tên các thôn của xã.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>This household is in a village you do not keep. Ask the commune officer to add the village to your account.</source>
            <translation>Hộ này thuộc thôn mà bạn không phụ trách. Hãy nhờ cán bộ xã thêm thôn đó vào tài khoản của bạn.</translation>
        </message>
        <message>
            <location filename="../../desktop/services/profile/users.py" line="+182" />
            <source>Choose at least one village for a collaborator.</source>
            <translation>Hãy chọn ít nhất một thôn cho cộng tác viên.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>A chosen village does not exist.</source>
            <translation>Một thôn đã chọn không có trong danh sách.</translation>
        </message>
        <message>
            <location line="-94" />
            <location line="+101" />
            <source>This user does not exist any more.</source>
            <translation>Người dùng này không còn trong danh sách.</translation>
        </message>
        <message>
            <location filename="../../desktop/services/profile/directory.py" line="+65" />
            <location filename="../../desktop/services/profile/users.py" line="-111" />
            <source>There is no user called {name}.</source>
            <translation>Không có người dùng nào tên {name}.</translation>
        </message>
        <message>
            <location filename="../../desktop/services/profile/users.py" line="+154" />
            <source>You cannot remove yourself or take away your own officer role.</source>
            <translation>Bạn không thể tự xóa mình hoặc tự bỏ vai trò cán bộ xã của mình.</translation>
        </message>
    </context>
    <context>
        <name>ActionDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/case/timeline.py" line="+56" />
            <source>Write an entry</source>
            <translation>Ghi diễn biến</translation>
        </message>
        <message>
            <location line="+13" />
            <source>What was done, who took part, what was agreed</source>
            <translation>Đã làm gì, những ai tham gia, đã thống nhất điều gì</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The case shows among the tasks from that day until a later entry is written.</source>
            <translation>Từ ngày đó, trường hợp hiện trong Việc cần làm cho đến khi có ghi chép mới.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>&amp;Kind of entry</source>
            <translation>Loại &amp;ghi chép</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Done on</source>
            <translation>&amp;Ngày thực hiện</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Result</source>
            <translation>&amp;Kết quả</translation>
        </message>
        <message>
            <location line="+1" />
            <source>N&amp;otes</source>
            <translation>Gh&amp;i chú</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Follow up on</source>
            <translation>&amp;Hẹn theo dõi ngày</translation>
        </message>
    </context>
    <context>
        <name>Activities</name>
        <message>
            <source>Only a commune officer can set the theme of a campaign.</source>
            <translation>Chỉ cán bộ xã mới đặt được chủ đề cho chiến dịch.</translation>
        </message>
        <message>
            <source>Choose the village.</source>
            <translation>Hãy chọn thôn.</translation>
        </message>
        <message>
            <source>The number of people cannot be negative.</source>
            <translation>Số người không được là số âm.</translation>
        </message>
        <message>
            <source>The number of items must be between 0 and {max}.</source>
            <translation>Số tài liệu phát ra phải từ 0 đến {max}.</translation>
        </message>
        <message>
            <source>Give both the first and the last day, or neither.</source>
            <translation>Hãy nhập cả ngày bắt đầu và ngày kết thúc, hoặc để trống cả hai.</translation>
        </message>
        <message>
            <source>This village no longer exists.</source>
            <translation>Thôn này không còn trong danh sách.</translation>
        </message>
        <message>
            <source>Count at least one participant.</source>
            <translation>Hãy nhập ít nhất một người tham dự.</translation>
        </message>
        <message>
            <source>The end date is before the start date.</source>
            <translation>Ngày kết thúc trước ngày bắt đầu.</translation>
        </message>
        <message>
            <source>You do not keep this village.</source>
            <translation>Bạn không phụ trách thôn này.</translation>
        </message>
        <message>
            <source>More than {max} participants; check the numbers.</source>
            <translation>Hơn {max} người tham dự; hãy kiểm tra lại số liệu.</translation>
        </message>
        <message>
            <source>This campaign is not running on the date of the activity.</source>
            <translation>Chiến dịch này không diễn ra vào ngày tổ chức hoạt động.</translation>
        </message>
        <message>
            <source>The days must be in order and within the year.</source>
            <translation>Các ngày phải theo đúng thứ tự và nằm trong năm.</translation>
        </message>
        <message>
            <source>Unknown campaign {code}; choose one from the list.</source>
            <translation>Không có chiến dịch {code}; hãy chọn trong danh sách.</translation>
        </message>
        <message>
            <source>The activity of {day} is already recorded for another campaign; nothing was tagged.</source>
            <translation>Buổi truyền thông ngày {day} đã được ghi thuộc một chiến dịch khác; chưa buổi nào được ghi.</translation>
        </message>
        <message>
            <source>The campaign does not run on {day}, the day of the activity; nothing was tagged.</source>
            <translation>Chiến dịch không diễn ra vào ngày {day}, ngày của buổi truyền thông; chưa buổi nào được ghi.</translation>
        </message>
        <message>
            <source>The activity of {day} is in a village you do not keep, so you cannot tag it; nothing was tagged.</source>
            <translation>Buổi truyền thông ngày {day} ở thôn bạn không phụ trách nên bạn không ghi được; chưa buổi nào được ghi.</translation>
        </message>
        <message>
            <source>This activity no longer exists.</source>
            <translation>Buổi truyền thông này không còn nữa.</translation>
        </message>
    </context>
    <context>
        <name>ActivitiesPage</name>
        <message>
            <location filename="../../desktop/ui/pages/activities.py" line="+66" />
            <source>Communication activities</source>
            <translation>Hoạt động truyền thông</translation>
        </message>
        <message>
            <location line="+4" />
            <source>◀ &amp;Previous month</source>
            <translation>◀ Tháng t&amp;rước</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Next month ▶</source>
            <translation>Tháng &amp;sau ▶</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This &amp;month</source>
            <translation>&amp;Tháng này</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Record activity…</source>
            <translation>&amp;Ghi hoạt động…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+19" />
            <source>Village</source>
            <translation>Thôn</translation>
        </message>
        <message>
            <location line="-18" />
            <location line="+19" />
            <source>Form</source>
            <translation>Hình thức</translation>
        </message>
        <message>
            <location line="-18" />
            <source>Topic</source>
            <translation>Chủ đề</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+19" />
            <source>Men</source>
            <translation>Nam</translation>
        </message>
        <message>
            <location line="-18" />
            <location line="+19" />
            <source>Women</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <location line="-18" />
            <location line="+19" />
            <source>Total</source>
            <translation>Tổng</translation>
        </message>
        <message>
            <location line="-18" />
            <source>Materials</source>
            <translation>Tài liệu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Campaign</source>
            <translation>Chiến dịch</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Totals by village and form</source>
            <translation>Tổng hợp theo thôn và hình thức</translation>
        </message>
        <message>
            <location line="-3" />
            <location line="+9" />
            <source>Activities</source>
            <translation>Hoạt động</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Totals</source>
            <translation>Tổng cộng</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Month {month}</source>
            <translation>Tháng {month}</translation>
        </message>
        <message>
            <location line="+32" />
            <source>{n} activity(ies), {people} participant(s)</source>
            <translation>{n} hoạt động, {people} người tham dự</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No campaign this month.</source>
            <translation>Tháng này không có chiến dịch nào.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Campaigns this month: {list}</source>
            <translation>Chiến dịch trong tháng: {list}</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/activity.py" line="+28" />
            <source>Record a communication activity</source>
            <translation>Ghi hoạt động truyền thông</translation>
        </message>
        <message>
            <location line="+5" />
            <source>— choose —</source>
            <translation>— chọn —</translation>
        </message>
        <message>
            <location line="+7" />
            <source>— none —</source>
            <translation>— không có —</translation>
        </message>
        <message>
            <location line="+15" />
            <location line="+72" />
            <source>Total: {n}</source>
            <translation>Tổng: {n}</translation>
        </message>
        <message>
            <location line="-68" />
            <source>M&amp;en</source>
            <translation>Na&amp;m giới</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Women</source>
            <translation>Nữ &amp;giới</translation>
        </message>
        <message>
            <location line="+7" />
            <source>e.g. leaflets on family planning, condoms</source>
            <translation>Ví dụ: tờ rơi về kế hoạch hóa gia đình, bao cao su</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Date</source>
            <translation>&amp;Ngày</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Village</source>
            <translation>&amp;Thôn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Form</source>
            <translation>&amp;Hình thức</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Topic</source>
            <translation>&amp;Chủ đề</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Campaign</source>
            <translation>Chiến &amp;dịch</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Participants</source>
            <translation>Người th&amp;am dự</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Materials handed out</source>
            <translation>Tài liệu đã &amp;phát</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Number of &amp;items</source>
            <translation>&amp;Số lượng</translation>
        </message>
        <message>
            <location line="+2" />
            <source>N&amp;otes</source>
            <translation>Gh&amp;i chú</translation>
        </message>
        <message>
            <location line="+30" />
            <source>no theme set for {year} yet</source>
            <translation>chưa đặt chủ đề cho năm {year}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Theme: {theme}</source>
            <translation>Chủ đề: {theme}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Running on this day: {names}</source>
            <translation>Đang diễn ra trong ngày này: {names}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No campaign runs on this day.</source>
            <translation>Ngày này không có chiến dịch nào.</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../desktop/ui/app.py" line="+118" />
            <source>Something unexpected went wrong. Your saved data is safe; details are in the log file.</source>
            <translation>Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu vẫn an toàn; chi tiết được ghi trong tệp nhật ký.</translation>
        </message>
        <message>
            <location line="+106" />
            <source>The notebook was created, but the villages could not be added: {reason} Add them in Settings.</source>
            <translation>Đã tạo sổ tay, nhưng chưa thêm được các thôn: {reason} Hãy thêm thôn trong Cài đặt.</translation>
        </message>
        <message>
            <location line="+106" />
            <source>This profile has several users ({users}); name one in SOTAY_USER.</source>
            <translation>Sổ tay này có nhiều người dùng ({users}); hãy ghi tên một người vào SOTAY_USER.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/single_start.py" line="+73" />
            <source>This notebook is already open in another window.</source>
            <translation>Sổ tay đang mở ở cửa sổ khác.</translation>
        </message>
    </context>
    <context>
        <name>AssessmentBar</name>
        <message>
            <location filename="../../desktop/ui/dialogs/case/assessment.py" line="+36" />
            <source>— not assessed —</source>
            <translation>— chưa đánh giá —</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Ris&amp;k level</source>
            <translation>Mức độ ngu&amp;y cơ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The person agreed to &amp;be helped</source>
            <translation>Đã đồng ý nhận hỗ t&amp;rợ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The person concerned, or a child's carer, agreed to be helped.</source>
            <translation>Người được hỗ trợ, hoặc người chăm sóc trẻ, đã đồng ý nhận hỗ trợ.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sa&amp;ve assessment</source>
            <translation>Lư&amp;u đánh giá</translation>
        </message>
        <message>
            <location line="+54" />
            <source>Saved.</source>
            <translation>Đã lưu.</translation>
        </message>
    </context>
    <context>
        <name>AuditLog</name>
        <message>
            <source>Added</source>
            <translation>Thêm</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>Sửa</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>Household</source>
            <translation>Hộ gia đình</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Nhân khẩu</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Thăm hộ</translation>
        </message>
        <message>
            <source>Population event</source>
            <translation>Biến động dân số</translation>
        </message>
        <message>
            <source>Household category</source>
            <translation>Diện hộ</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Thôn</translation>
        </message>
        <message>
            <source>Bulk change</source>
            <translation>Hàng loạt</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Ngày sinh</translation>
        </message>
        <message>
            <source>Year of birth</source>
            <translation>Năm sinh</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Giới tính</translation>
        </message>
        <message>
            <source>Relationship to head</source>
            <translation>Quan hệ với chủ hộ</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>Visit date</source>
            <translation>Ngày thăm</translation>
        </message>
        <message>
            <source>Follow-up date</source>
            <translation>Ngày hẹn thăm lại</translation>
        </message>
        <message>
            <source>Topics</source>
            <translation>Nội dung trao đổi</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Diện</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Năm</translation>
        </message>
        <message>
            <source>Decision no.</source>
            <translation>Số quyết định</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>Event date</source>
            <translation>Ngày xảy ra</translation>
        </message>
        <message>
            <source>Collaborator</source>
            <translation>Cộng tác viên</translation>
        </message>
        <message>
            <source>Deleted at</source>
            <translation>Thời điểm xóa</translation>
        </message>
        <message>
            <source>Dissolved on</source>
            <translation>Ngày xóa khỏi sổ</translation>
        </message>
        <message>
            <source>Reason dissolved</source>
            <translation>Lý do xóa khỏi sổ</translation>
        </message>
        <message>
            <source>Head of household</source>
            <translation>Chủ hộ</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Có</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Không</translation>
        </message>
        <message>
            <source>({n} characters)</source>
            <translation>({n} ký tự)</translation>
        </message>
        <message>
            <source>People met</source>
            <translation>Người đã gặp</translation>
        </message>
        <message>
            <source>Commune code</source>
            <translation>Mã xã</translation>
        </message>
        <message>
            <source>In use</source>
            <translation>Đang dùng</translation>
        </message>
        <message>
            <source>Citizen ID</source>
            <translation>Số định danh cá nhân</translation>
        </message>
        <message>
            <source>Health insurance no.</source>
            <translation>Số thẻ BHYT</translation>
        </message>
        <message>
            <source>Ethnic group</source>
            <translation>Dân tộc</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>Trình độ học vấn</translation>
        </message>
        <message>
            <source>Marital status</source>
            <translation>Tình trạng hôn nhân</translation>
        </message>
        <message>
            <source>Residence status</source>
            <translation>Tình trạng cư trú</translation>
        </message>
        <message>
            <source>Date of death</source>
            <translation>Ngày mất</translation>
        </message>
        <message>
            <source>Date moved out</source>
            <translation>Ngày chuyển đi</translation>
        </message>
        <message>
            <source>Reporting month</source>
            <translation>Tháng báo cáo</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Chi tiết</translation>
        </message>
        <message>
            <source>Other change</source>
            <translation>Thay đổi khác</translation>
        </message>
        <message>
            <source>Support case</source>
            <translation>Trường hợp hỗ trợ</translation>
        </message>
        <message>
            <source>Measure of a case</source>
            <translation>Biện pháp của trường hợp</translation>
        </message>
        <message>
            <source>Referral of a case</source>
            <translation>Chuyển gửi trường hợp</translation>
        </message>
        <message>
            <source>Person in a case</source>
            <translation>Người trong trường hợp</translation>
        </message>
        <message>
            <source>Step of a support plan</source>
            <translation>Bước của kế hoạch hỗ trợ</translation>
        </message>
        <message>
            <source>Entry of a case timeline</source>
            <translation>Ghi chép diễn biến trường hợp</translation>
        </message>
        <message>
            <source>Own task</source>
            <translation>Việc tự ghi</translation>
        </message>
        <message>
            <source>Task done or put off</source>
            <translation>Việc đã làm hoặc hoãn</translation>
        </message>
        <message>
            <source>Campaign year</source>
            <translation>Chiến dịch trong năm</translation>
        </message>
        <message>
            <source>Communication activity</source>
            <translation>Hoạt động truyền thông</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Người dùng</translation>
        </message>
        <message>
            <source>Report saved</source>
            <translation>Báo cáo đã lưu</translation>
        </message>
        <message>
            <source>Other record</source>
            <translation>Bản ghi khác</translation>
        </message>
        <message>
            <source>Place in the list</source>
            <translation>Thứ tự trong danh sách</translation>
        </message>
        <message>
            <source>Former district code</source>
            <translation>Mã huyện cũ</translation>
        </message>
        <message>
            <source>Former commune code</source>
            <translation>Mã xã cũ</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Người phụ trách</translation>
        </message>
        <message>
            <source>Opened on</source>
            <translation>Ngày mở</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>Ended on</source>
            <translation>Ngày kết thúc</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Tóm tắt</translation>
        </message>
        <message>
            <source>Risk level</source>
            <translation>Mức độ nguy cơ</translation>
        </message>
        <message>
            <source>Agreed to be helped</source>
            <translation>Đồng ý nhận hỗ trợ</translation>
        </message>
        <message>
            <source>Acts of violence</source>
            <translation>Hành vi bạo lực</translation>
        </message>
        <message>
            <source>Relationship between the people</source>
            <translation>Quan hệ giữa những người liên quan</translation>
        </message>
        <message>
            <source>Harm</source>
            <translation>Tổn hại</translation>
        </message>
        <message>
            <source>Times in the last 12 months</source>
            <translation>Số lần trong 12 tháng qua</translation>
        </message>
        <message>
            <source>Groups of the child</source>
            <translation>Nhóm đối tượng của trẻ</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Bước</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>Biện pháp</translation>
        </message>
        <message>
            <source>Decided on</source>
            <translation>Ngày quyết định</translation>
        </message>
        <message>
            <source>Starts on</source>
            <translation>Ngày bắt đầu</translation>
        </message>
        <message>
            <source>Ends on</source>
            <translation>Ngày hết hạn</translation>
        </message>
        <message>
            <source>Distance (m)</source>
            <translation>Khoảng cách (m)</translation>
        </message>
        <message>
            <source>Supervised by</source>
            <translation>Người giám sát</translation>
        </message>
        <message>
            <source>Sent to</source>
            <translation>Nơi nhận</translation>
        </message>
        <message>
            <source>Sent on</source>
            <translation>Ngày gửi</translation>
        </message>
        <message>
            <source>Status since</source>
            <translation>Từ ngày</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>Anonymous</source>
            <translation>Giấu tên</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Liên lạc</translation>
        </message>
        <message>
            <source>What is to be done</source>
            <translation>Việc cần làm</translation>
        </message>
        <message>
            <source>Who does it</source>
            <translation>Người thực hiện</translation>
        </message>
        <message>
            <source>Due on</source>
            <translation>Hạn</translation>
        </message>
        <message>
            <source>Done on</source>
            <translation>Ngày làm</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>Việc</translation>
        </message>
        <message>
            <source>Put off until</source>
            <translation>Hoãn đến</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>Chiến dịch</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Chủ đề</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Nguồn</translation>
        </message>
        <message>
            <source>Held on</source>
            <translation>Ngày tổ chức</translation>
        </message>
        <message>
            <source>Form</source>
            <translation>Hình thức</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Chủ đề</translation>
        </message>
        <message>
            <source>Men taking part</source>
            <translation>Số nam tham dự</translation>
        </message>
        <message>
            <source>Women taking part</source>
            <translation>Số nữ tham dự</translation>
        </message>
        <message>
            <source>Materials handed out</source>
            <translation>Tài liệu phát ra</translation>
        </message>
        <message>
            <source>Copies handed out</source>
            <translation>Số bản đã phát</translation>
        </message>
        <message>
            <source>May see protection cases</source>
            <translation>Được xem nội dung trường hợp bảo vệ</translation>
        </message>
        <message>
            <source>Villages kept</source>
            <translation>Các thôn phụ trách</translation>
        </message>
        <message>
            <source>File type</source>
            <translation>Loại tệp</translation>
        </message>
        <message>
            <source>Report for</source>
            <translation>Báo cáo cho</translation>
        </message>
        <message>
            <source>Check code (SHA-256)</source>
            <translation>Mã kiểm tra (SHA-256)</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Đã ký</translation>
        </message>
        <message>
            <source>Confidential</source>
            <translation>Mật</translation>
        </message>
        <message>
            <source>Demo data</source>
            <translation>Dữ liệu mẫu</translation>
        </message>
        <message>
            <source>Kind of case</source>
            <translation>Loại trường hợp</translation>
        </message>
        <message>
            <source>Person helped</source>
            <translation>Người được hỗ trợ</translation>
        </message>
        <message>
            <source>Case details</source>
            <translation>Chi tiết trường hợp</translation>
        </message>
        <message>
            <source>Kind of entry</source>
            <translation>Loại ghi chép</translation>
        </message>
        <message>
            <source>Relationship to the victim</source>
            <translation>Quan hệ với nạn nhân</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Tiến độ</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Báo cáo</translation>
        </message>
        <message>
            <source>Whose task</source>
            <translation>Việc của ai</translation>
        </message>
        <message>
            <source>Other detail</source>
            <translation>Thông tin khác</translation>
        </message>
        <message>
            <source>Place of birth</source>
            <translation>Nơi sinh</translation>
        </message>
        <message>
            <source>Child number</source>
            <translation>Con thứ</translation>
        </message>
        <message>
            <source>Mother</source>
            <translation>Mẹ</translation>
        </message>
        <message>
            <source>Came from</source>
            <translation>Chuyển đến từ</translation>
        </message>
        <message>
            <source>Moved to</source>
            <translation>Chuyển đi đến</translation>
        </message>
        <message>
            <source>Cause</source>
            <translation>Nguyên nhân</translation>
        </message>
        <message>
            <source>Married to</source>
            <translation>Kết hôn với</translation>
        </message>
        <message>
            <source>From household</source>
            <translation>Từ hộ</translation>
        </message>
        <message>
            <source>To household</source>
            <translation>Sang hộ</translation>
        </message>
        <message>
            <source>Before the change</source>
            <translation>Trước khi sửa</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Biện pháp</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Diễn biến</translation>
        </message>
        <message>
            <source>Pregnancy number</source>
            <translation>Lần mang thai</translation>
        </message>
        <message>
            <source>Week of pregnancy</source>
            <translation>Tuần thai</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Nơi thực hiện</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Đang mở</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Đã kết thúc</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Đã gửi</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Đã tiếp nhận</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Đã xong</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>Đã từ chối</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Dự kiến</translation>
        </message>
        <message>
            <source>Dropped</source>
            <translation>Đã bỏ</translation>
        </message>
        <message>
            <source>Monthly report</source>
            <translation>Báo cáo tháng</translation>
        </message>
        <message>
            <source>Household card</source>
            <translation>Phiếu hộ gia đình</translation>
        </message>
        <message>
            <source>Case record</source>
            <translation>Hồ sơ trường hợp</translation>
        </message>
        <message>
            <source>Campaign report</source>
            <translation>Báo cáo chiến dịch</translation>
        </message>
        <message>
            <source>PDF</source>
            <translation>PDF</translation>
        </message>
        <message>
            <source>Excel workbook</source>
            <translation>Bảng tính Excel</translation>
        </message>
        <message>
            <source>A no-contact measure ends</source>
            <translation>Hết hạn biện pháp cấm tiếp xúc</translation>
        </message>
        <message>
            <source>A child's support plan is due</source>
            <translation>Đến hạn lập kế hoạch hỗ trợ trẻ</translation>
        </message>
        <message>
            <source>A step of a support plan is due</source>
            <translation>Đến hạn một bước của kế hoạch hỗ trợ</translation>
        </message>
        <message>
            <source>A follow-up visit</source>
            <translation>Thăm lại hộ</translation>
        </message>
        <message>
            <source>A priority visit</source>
            <translation>Thăm hộ cần ưu tiên</translation>
        </message>
        <message>
            <source>A newborn screening is due</source>
            <translation>Đến hạn sàng lọc sơ sinh</translation>
        </message>
        <message>
            <source>A prenatal screening is due</source>
            <translation>Đến hạn sàng lọc trước sinh</translation>
        </message>
        <message>
            <source>A case follow-up</source>
            <translation>Theo dõi trường hợp</translation>
        </message>
        <message>
            <source>Other task</source>
            <translation>Việc khác</translation>
        </message>
        <message>
            <source>{households} households, seed {seed}, on {day}</source>
            <translation>{households} hộ, mã tạo dữ liệu {seed}, ngày {day}</translation>
        </message>
        <message>
            <source>{n} person(s)</source>
            <translation>{n} người</translation>
        </message>
        <message>
            <source>{n} village(s)</source>
            <translation>{n} thôn</translation>
        </message>
        <message>
            <source>Pregnancy found</source>
            <translation>Phát hiện có thai</translation>
        </message>
        <message>
            <source>Pregnancy ended</source>
            <translation>Kết thúc thai kỳ</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Chờ kết quả</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>Bình thường</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>Có nguy cơ</translation>
        </message>
        <message>
            <source>Poverty standard</source>
            <translation>Chuẩn nghèo</translation>
        </message>
        <message>
            <source>Results by condition</source>
            <translation>Kết quả theo từng bệnh</translation>
        </message>
        <message>
            <source>P0/CTV slip</source>
            <translation>Phiếu thu tin P0/CTV</translation>
        </message>
        <message>
            <source>A0/CTV sheet or Sổ A0</source>
            <translation>Phiếu A0/CTV hoặc Sổ A0</translation>
        </message>
        <message>
            <source>Family and domestic violence report</source>
            <translation>Báo cáo gia đình và phòng, chống bạo lực gia đình</translation>
        </message>
        <message>
            <source>New passphrase set by</source>
            <translation>Mật khẩu được đặt lại bởi</translation>
        </message>
        <message>
            <source>Recovery code</source>
            <translation>Mã khôi phục</translation>
        </message>
        <message>
            <source>the recovery code</source>
            <translation>mã khôi phục</translation>
        </message>
        <message>
            <source>a commune officer</source>
            <translation>cán bộ xã</translation>
        </message>
        <message>
            <source>replaced by a new code (the used one no longer works)</source>
            <translation>đã thay bằng mã mới (mã đã dùng không còn hiệu lực)</translation>
        </message>
        <message>
            <source>Content: changed (protected content)</source>
            <translation>Nội dung: đã thay đổi (nội dung được bảo vệ)</translation>
        </message>
        <message>
            <source>Content: written (protected content)</source>
            <translation>Nội dung: đã ghi (nội dung được bảo vệ)</translation>
        </message>
        <message>
            <source>Content: removed (protected content)</source>
            <translation>Nội dung: đã xóa (nội dung được bảo vệ)</translation>
        </message>
        <message>
            <source>User as other devices know them</source>
            <translation>Người dùng như các máy khác biết</translation>
        </message>
        <message>
            <source>Removed on</source>
            <translation>Ngày xóa</translation>
        </message>
        <message>
            <source>Item to review after a merge</source>
            <translation>Mục cần xem lại sau khi gộp dữ liệu</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Vấn đề</translation>
        </message>
        <message>
            <source>Records concerned</source>
            <translation>Các bản ghi liên quan</translation>
        </message>
        <message>
            <source>Kind of record</source>
            <translation>Loại bản ghi</translation>
        </message>
        <message>
            <source>To review</source>
            <translation>Cần xem lại</translation>
        </message>
        <message>
            <source>Settled</source>
            <translation>Đã xử lý</translation>
        </message>
        <message>
            <source>Not a problem</source>
            <translation>Không phải vấn đề</translation>
        </message>
        <message>
            <source>One household number twice</source>
            <translation>Một số hộ dùng cho hai hộ</translation>
        </message>
        <message>
            <source>Two heads in one household</source>
            <translation>Hai chủ hộ trong một hộ</translation>
        </message>
        <message>
            <source>One category twice in a year</source>
            <translation>Một diện hộ ghi hai lần trong một năm</translation>
        </message>
        <message>
            <source>Possibly one person twice</source>
            <translation>Có thể một người được ghi hai lần</translation>
        </message>
        <message>
            <source>Synced</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <source>Value set aside by a merge</source>
            <translation>Giá trị bị gác lại khi gộp thay đổi</translation>
        </message>
        <message>
            <source>Changes received from another laptop</source>
            <translation>Nhận thay đổi từ máy khác</translation>
        </message>
        <message>
            <source>Batch of changes</source>
            <translation>Gói thay đổi</translation>
        </message>
        <message>
            <source>Sent by the laptop</source>
            <translation>Máy gửi</translation>
        </message>
        <message>
            <source>Records written</source>
            <translation>Số bản ghi đã ghi</translation>
        </message>
        <message>
            <source>Records already up to date</source>
            <translation>Số bản ghi đã có sẵn</translation>
        </message>
        <message>
            <source>Records with a value set aside</source>
            <translation>Số bản ghi có giá trị bị gác lại</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Bản ghi</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Thông tin</translation>
        </message>
        <message>
            <source>Why it was set aside</source>
            <translation>Lý do bị gác lại</translation>
        </message>
        <message>
            <source>Value kept</source>
            <translation>Giá trị được giữ</translation>
        </message>
        <message>
            <source>Time of the value kept</source>
            <translation>Thời điểm của giá trị được giữ</translation>
        </message>
        <message>
            <source>Value set aside</source>
            <translation>Giá trị bị gác lại</translation>
        </message>
        <message>
            <source>Time of the value set aside</source>
            <translation>Thời điểm của giá trị bị gác lại</translation>
        </message>
        <message>
            <source>Choice</source>
            <translation>Lựa chọn</translation>
        </message>
        <message>
            <source>Waiting for a choice</source>
            <translation>Đang chờ lựa chọn</translation>
        </message>
        <message>
            <source>Changed on two laptops</source>
            <translation>Được sửa trên hai máy</translation>
        </message>
        <message>
            <source>A laptop's date was wrong</source>
            <translation>Ngày giờ của một máy bị sai</translation>
        </message>
        <message>
            <source>Deleted on one laptop, changed on another</source>
            <translation>Bị xóa trên một máy, được sửa trên máy khác</translation>
        </message>
        <message>
            <source>Records written: {kind}</source>
            <translation>Số bản ghi đã ghi — {kind}</translation>
        </message>
        <message>
            <source>One of the two values chosen</source>
            <translation>Đã chọn một trong hai giá trị</translation>
        </message>
        <message>
            <source>Deleted record restored</source>
            <translation>Đã khôi phục bản ghi bị xóa</translation>
        </message>
    </context>
    <context>
        <name>AuditLogPage</name>
        <message>
            <location filename="../../desktop/ui/pages/audit_log.py" line="+52" />
            <source>All</source>
            <translation>Tất cả</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;User</source>
            <translation>&amp;Người dùng</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Clear filter</source>
            <translation>Bỏ &amp;lọc</translation>
        </message>
        <message>
            <location line="+1" />
            <source>← Back to the &amp;household</source>
            <translation>← &amp;Về hộ gia đình</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Load &amp;more</source>
            <translation>Tải t&amp;hêm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check &amp;integrity</source>
            <translation>Kiểm tra tính &amp;toàn vẹn</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Time</source>
            <translation>Thời gian</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User</source>
            <translation>Người dùng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Action</source>
            <translation>Thao tác</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record type</source>
            <translation>Loại bản ghi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record</source>
            <translation>Bản ghi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change</source>
            <translation>Nội dung thay đổi</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Changes</source>
            <translation>Các thay đổi</translation>
        </message>
        <message>
            <location line="+76" />
            <source>Record: {name}</source>
            <translation>Bản ghi: {name}</translation>
        </message>
        <message>
            <location line="+42" />
            <source>{n} event(s) shown</source>
            <translation>Đang hiển thị {n} sự kiện</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Select an event to see everything it changed.</source>
            <translation>Chọn một sự kiện để xem đầy đủ những gì đã thay đổi.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>household {code}</source>
            <translation>hộ số {code}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Checking…</source>
            <translation>Đang kiểm tra…</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The log is intact: {n} event(s) checked.</source>
            <translation>Nhật ký nguyên vẹn: đã kiểm tra {n} sự kiện.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The newest entries of the log are missing, or the log was rewritten: it no longer ends where the key file says it did. Keep this laptop as it is, do not delete or restore anything, and tell the commune officer.</source>
            <translation>Các mục mới nhất của nhật ký đã mất, hoặc nhật ký đã bị viết lại: nhật ký không còn kết thúc ở chỗ tệp khóa ghi lại. Hãy giữ nguyên máy này, đừng xóa hay khôi phục gì, và báo cho cán bộ xã.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Event #{id} ({time}, {table}) was changed or removed outside the app. Keep this laptop as it is, do not delete or restore anything, and tell the commune officer.</source>
            <translation>Sự kiện #{id} ({time}, {table}) đã bị sửa hoặc xóa bên ngoài ứng dụng. Hãy giữ nguyên máy tính như hiện tại, không xóa hay khôi phục gì, và báo ngay cho cán bộ xã.</translation>
        </message>
    </context>
    <context>
        <name>Backup</name>
        <message>
            <location filename="../../desktop/services/profile/restoring.py" line="+65" />
            <source>The backup {file} is damaged or was changed after it was made, or it is not a backup of Sổ tay CTV. Nothing was restored.</source>
            <translation>Bản sao lưu {file} bị hỏng, đã bị sửa sau khi tạo, hoặc không phải là bản sao lưu của Sổ tay CTV. Chưa khôi phục gì.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The backup {file} was made by a newer version of Sổ tay CTV. Update the app to restore it; nothing was restored.</source>
            <translation>Bản sao lưu {file} được tạo bằng phiên bản Sổ tay CTV mới hơn. Hãy cập nhật ứng dụng rồi khôi phục lại; chưa khôi phục gì.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The profile in {home} was changed on {current}, after this backup was made ({backup}). Nothing was restored.</source>
            <translation>Sổ tay ở {home} đã được sửa vào {current}, sau khi tạo bản sao lưu này ({backup}). Chưa khôi phục gì.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The backup {file} is of another notebook (commune {backup_commune}, {backup_collaborator}, id {backup_id}) than the one in {home} (commune {current_commune}, {current_collaborator}, id {current_id}). Nothing was restored.</source>
            <translation>Bản sao lưu {file} là của một sổ tay khác (xã {backup_commune}, {backup_collaborator}, mã {backup_id}), không phải sổ tay ở {home} (xã {current_commune}, {current_collaborator}, mã {current_id}). Chưa khôi phục gì.</translation>
        </message>
        <message>
            <location filename="../../desktop/services/profile/restore_journal.py" line="+175" />
            <source>A restore into {home} was interrupted and its journal {journal} cannot be read. The files that were there before are in the newest replaced-… folder in {home}: move them back.</source>
            <translation>Việc khôi phục vào {home} đã bị ngắt giữa chừng và không đọc được nhật ký {journal} của nó. Các tệp có ở đó trước đây nằm trong thư mục replaced-… mới nhất ở {home}: hãy chuyển chúng trở lại.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>A restore into {home} was interrupted; it has now been completed.</source>
            <translation>Việc khôi phục vào {home} đã bị ngắt giữa chừng; nay đã được làm xong.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A restore into {home} was interrupted; it has now been completed. The files that were there before are in {folder}.</source>
            <translation>Việc khôi phục vào {home} đã bị ngắt giữa chừng; nay đã được làm xong. Các tệp có ở đó trước đây nằm trong {folder}.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>A restore into {home} was interrupted before its files were complete; the notebook is back as it was before. Restore the backup again if you still want it.</source>
            <translation>Việc khôi phục vào {home} đã bị ngắt trước khi các tệp mới được chép đủ; sổ tay đã trở lại như trước. Nếu vẫn cần, hãy khôi phục lại bản sao lưu.</translation>
        </message>
        <message>
            <location filename="../../desktop/services/profile/backup.py" line="+62" />
            <source>The disk is full: make room in {folder} (delete or move files you no longer need), then back up again. No backup was made.</source>
            <translation>Ổ đĩa đã đầy: hãy dọn bớt chỗ ở {folder} (xóa hoặc chuyển đi những tệp không còn cần) rồi sao lưu lại. Chưa có bản sao lưu nào được tạo.</translation>
        </message>
        <message>
            <location line="+170" />
            <source>The folder {folder} does not exist. Is the USB stick plugged in?</source>
            <translation>Không có thư mục {folder}. Bạn đã cắm USB chưa?</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cannot write a backup to {folder}: it is read-only or full. No backup was made.</source>
            <translation>Không ghi được bản sao lưu vào {folder}: thư mục chỉ cho phép đọc hoặc đã đầy. Chưa sao lưu được.</translation>
        </message>
        <message>
            <location filename="../../desktop/services/profile/restoring.py" line="+98" />
            <source>Cannot read the file {file}.</source>
            <translation>Không đọc được tệp {file}.</translation>
        </message>
        <message>
            <location line="+29" />
            <source>This backup has several users ({users}); say which one you are.</source>
            <translation>Bản sao lưu này có nhiều người dùng ({users}); hãy cho biết bạn là người nào.</translation>
        </message>
        <message>
            <location filename="../../desktop/services/profile/restore_sync.py" line="+34" />
            <source>A backup was restored. Sync with the upper level before sending new work.</source>
            <translation>Bản sao lưu đã được khôi phục. Hãy đồng bộ với cấp trên trước khi gửi công việc mới.</translation>
        </message>
    </context>
    <context>
        <name>BackupsPage</name>
        <message>
            <location filename="../../desktop/ui/pages/backups.py" line="+38" />
            <source>The notebook backs itself up when you close the app, once a day, and keeps the last {keep} backups in {folder}. A backup on this laptop is lost with the laptop: also back up to a USB stick now and then, and keep the stick somewhere else. Backups are encrypted: they open only with a passphrase or the recovery code.</source>
            <translation>Sổ tay tự sao lưu khi bạn đóng ứng dụng, mỗi ngày một lần, và giữ {keep} bản sao lưu gần nhất trong {folder}. Bản sao lưu trên máy này sẽ mất theo máy: thỉnh thoảng hãy sao lưu thêm ra USB và cất USB ở nơi khác. Bản sao lưu được mã hóa: chỉ mở được bằng mật khẩu hoặc mã khôi phục.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Back up to a USB stick or folder…</source>
            <translation>Sao lưu ra &amp;USB hoặc thư mục khác…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Made on</source>
            <translation>Thời điểm tạo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Size</source>
            <translation>Dung lượng</translation>
        </message>
        <message>
            <location line="+39" />
            <source>{size} MB</source>
            <translation>{size} MB</translation>
        </message>
        <message>
            <location line="-38" />
            <source>State</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Backups</source>
            <translation>Bản sao lưu</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No backup yet: the first one is made when you close the app.</source>
            <translation>Chưa có bản sao lưu nào: bản đầu tiên được tạo khi bạn đóng ứng dụng.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Backups on this laptop</source>
            <translation>Các bản sao lưu trên máy này</translation>
        </message>
        <message>
            <location line="+30" />
            <source>automatic</source>
            <translation>tự động</translation>
        </message>
        <message>
            <location line="+0" />
            <source>on demand</source>
            <translation>thủ công</translation>
        </message>
        <message>
            <location line="+4" />
            <source>damaged</source>
            <translation>bị hỏng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not checked</source>
            <translation>chưa kiểm tra</translation>
        </message>
        <message>
            <location line="+0" />
            <source>intact</source>
            <translation>nguyên vẹn</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Where should the backup go?</source>
            <translation>Lưu bản sao lưu vào đâu?</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The backup was written to {path}. Keep the USB stick somewhere safe, away from the laptop.</source>
            <translation>Đã ghi bản sao lưu vào {path}. Hãy cất USB ở nơi an toàn, tách khỏi máy tính.</translation>
        </message>
    </context>
    <context>
        <name>CaseActions</name>
        <message>
            <source>The follow-up day must be after the day of the entry.</source>
            <translation>Ngày hẹn theo dõi phải sau ngày ghi.</translation>
        </message>
        <message>
            <source>The follow-up day must be within a year.</source>
            <translation>Ngày hẹn theo dõi phải trong vòng một năm.</translation>
        </message>
        <message>
            <source>This kind of entry has no result.</source>
            <translation>Loại ghi chép này không có kết quả.</translation>
        </message>
    </context>
    <context>
        <name>CaseChildForms</name>
        <message>
            <source>not known</source>
            <translation>không rõ</translation>
        </message>
        <message>
            <source>Review of {date}: harm {harm}, access {access}, obstacles {obstacles}, child's capacity {capacity} → overall risk {overall}</source>
            <translation>Rà soát ngày {date}: tổn hại {harm}, khả năng tiếp cận trẻ {access}, trở ngại {obstacles}, khả năng tự bảo vệ của trẻ {capacity} → nguy cơ chung {overall}</translation>
        </message>
    </context>
    <context>
        <name>CaseDialog</name>
        <message>
            <source>Injuries, damage (short)</source>
            <translation>Thương tích, thiệt hại (ghi ngắn)</translation>
        </message>
        <message>
            <source> times</source>
            <translation> lần</translation>
        </message>
        <message>
            <source>Already given an administrative sanction for domestic violence</source>
            <translation>Đã từng bị xử phạt vi phạm hành chính về hành vi bạo lực gia đình</translation>
        </message>
        <message>
            <source>The case may be brought to community criticism (Art. 32 of the Law on domestic violence): violence at least twice in 12 months, or again after a sanction.</source>
            <translation>Có thể áp dụng góp ý, phê bình trong cộng đồng dân cư (Điều 32 Luật Phòng, chống bạo lực gia đình): bạo lực từ 2 lần trở lên trong 12 tháng, hoặc tái diễn sau khi đã bị xử phạt.</translation>
        </message>
        <message>
            <source>&amp;Acts (Art. 3.1)</source>
            <translation>&amp;Hành vi (khoản 1 Điều 3)</translation>
        </message>
        <message>
            <source>Types of violence</source>
            <translation>Các loại bạo lực</translation>
        </message>
        <message>
            <source>&amp;Relationship</source>
            <translation>&amp;Quan hệ</translation>
        </message>
        <message>
            <source>&amp;Harm</source>
            <translation>&amp;Tổn hại</translation>
        </message>
        <message>
            <source>Times in the last &amp;12 months</source>
            <translation>&amp;Số lần trong 12 tháng qua</translation>
        </message>
        <message>
            <source>&amp;Save acts</source>
            <translation>&amp;Lưu hành vi</translation>
        </message>
        <message>
            <source>&amp;Apply measure…</source>
            <translation>Áp dụng &amp;biện pháp…</translation>
        </message>
        <message>
            <source>&amp;Refer…</source>
            <translation>C&amp;huyển gửi…</translation>
        </message>
        <message>
            <source>Mark r&amp;eceived</source>
            <translation>Đánh dấu đã t&amp;iếp nhận</translation>
        </message>
        <message>
            <source>Mark &amp;done</source>
            <translation>Đánh dấu đã xử lý &amp;xong</translation>
        </message>
        <message>
            <source>Mark dec&amp;lined</source>
            <translation>Đánh dấu đã từ &amp;chối</translation>
        </message>
        <message>
            <source>Selected referral, on</source>
            <translation>Việc chuyển gửi đã chọn, vào ngày</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/case/window.py" line="+103" />
            <source>Acts</source>
            <translation>Hành vi</translation>
        </message>
        <message>
            <source>{start} – {end}</source>
            <translation>{start} – {end}</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>Biện pháp</translation>
        </message>
        <message>
            <source>Decision no.</source>
            <translation>Số quyết định</translation>
        </message>
        <message>
            <source>Decided on</source>
            <translation>Ngày quyết định</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Thời hạn</translation>
        </message>
        <message>
            <source>Distance</source>
            <translation>Khoảng cách</translation>
        </message>
        <message>
            <source>Supervised by</source>
            <translation>Người giám sát</translation>
        </message>
        <message>
            <source>Referred to</source>
            <translation>Chuyển gửi đến</translation>
        </message>
        <message>
            <source>Sent on</source>
            <translation>Ngày gửi</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>Từ ngày</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Đã gửi</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Đã tiếp nhận</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Đã xử lý xong</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>Đã từ chối</translation>
        </message>
        <message>
            <source>(tick the acts)</source>
            <translation>(đánh dấu các hành vi)</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Đã lưu.</translation>
        </message>
        <message>
            <source>Save &amp;groups</source>
            <translation>Lưu &amp;nhóm</translation>
        </message>
        <message>
            <source>The child belongs to these groups of Art. 10 of the Law on children:</source>
            <translation>Trẻ thuộc các nhóm sau theo Điều 10 Luật Trẻ em:</translation>
        </message>
        <message>
            <source>on</source>
            <translation>ngày</translation>
        </message>
        <message>
            <source>Review after the plan (Mẫu 06)…</source>
            <translation>Rà soát sau can thiệp (Mẫu 06)…</translation>
        </message>
        <message>
            <source>The case is closed once the review after the plan is written.</source>
            <translation>Hồ sơ chỉ đóng được sau khi có bản rà soát, đánh giá sau can thiệp.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Steps (Decree 56/2017)</source>
            <translation>Các bước</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The seven steps of Decree 56/2017/NĐ-CP</source>
            <translation>Bảy bước theo Nghị định 56/2017/NĐ-CP</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Groups (Art. 10)</source>
            <translation>Nhóm (Điều 10)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Intake (Mẫu 01)</source>
            <translation>Tiếp nhận (Mẫu 01)</translation>
        </message>
        <message>
            <location line="+75" />
            <source>Risk level and consent</source>
            <translation>Mức độ nguy cơ và sự đồng ý</translation>
        </message>
        <message>
            <source>&amp;Add item…</source>
            <translation>&amp;Thêm việc…</translation>
        </message>
        <message>
            <source>Mark d&amp;one</source>
            <translation>Đánh dấu đã &amp;xong</translation>
        </message>
        <message>
            <source>D&amp;rop</source>
            <translation>&amp;Bỏ việc</translation>
        </message>
        <message>
            <source>Selected item, on</source>
            <translation>Việc đã chọn, vào ngày</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Việc cần làm</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Người thực hiện</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Hạn</translation>
        </message>
        <message>
            <source>⚠ Overdue</source>
            <translation>⚠ Quá hạn</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Dự kiến</translation>
        </message>
        <message>
            <source>Dropped</source>
            <translation>Đã bỏ</translation>
        </message>
        <message>
            <source>Add &amp;person…</source>
            <translation>Thêm người &amp;liên quan…</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>&amp;Bỏ khỏi danh sách</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Họ tên</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Giới tính</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>Năm sinh</translation>
        </message>
        <message>
            <source>Relationship</source>
            <translation>Quan hệ</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Liên hệ</translation>
        </message>
        <message>
            <source>Remove {name} ({role}) from the people of this case?</source>
            <translation>Bỏ {name} ({role}) khỏi danh sách người liên quan của trường hợp này?</translation>
        </message>
        <message>
            <source>Remove person</source>
            <translation>Bỏ người liên quan</translation>
        </message>
        <message>
            <location line="-14" />
            <source>People ({n})</source>
            <translation>Người liên quan ({n})</translation>
        </message>
        <message>
            <source>the household as a whole</source>
            <translation>cả hộ</translation>
        </message>
        <message>
            <source>{kind} — {person}</source>
            <translation>{kind} — {person}</translation>
        </message>
        <message>
            <source>closed on {date}</source>
            <translation>đã đóng ngày {date}</translation>
        </message>
        <message>
            <source>open</source>
            <translation>đang mở</translation>
        </message>
        <message>
            <source>Opened on {date} by {owner} · {state} · confidential</source>
            <translation>Mở ngày {date}, người phụ trách {owner} · {state} · bảo mật</translation>
        </message>
        <message>
            <source>Outcome: {text}</source>
            <translation>Kết quả: {text}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeline ({n})</source>
            <translation>Diễn biến ({n})</translation>
        </message>
        <message>
            <location line="-11" />
            <source>Measures ({n})</source>
            <translation>Biện pháp ({n})</translation>
        </message>
        <message>
            <location line="-88" />
            <source>&amp;End the case…</source>
            <translation>&amp;Kết thúc trường hợp…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Close &amp;window</source>
            <translation>Đóng cửa sổ</translation>
        </message>
        <message>
            <location line="+85" />
            <source>Referrals ({n})</source>
            <translation>Chuyển gửi ({n})</translation>
        </message>
        <message>
            <source>Advance to: {step}</source>
            <translation>Chuyển sang bước: {step}</translation>
        </message>
        <message>
            <source>The support plan was due on {date}: it is late.</source>
            <translation>Hạn lập kế hoạch hỗ trợ, can thiệp là ngày {date}: đã quá hạn.</translation>
        </message>
        <message>
            <source>The support plan must be drawn up by {date}.</source>
            <translation>Phải lập kế hoạch hỗ trợ, can thiệp chậm nhất vào ngày {date}.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Support plan ({n}, {late} overdue)</source>
            <translation>Kế hoạch ({n}, {late} quá hạn)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Support plan ({n})</source>
            <translation>Kế hoạch ({n})</translation>
        </message>
        <message>
            <source>Measures</source>
            <translation>Biện pháp</translation>
        </message>
        <message>
            <source>People in the case</source>
            <translation>Những người trong vụ việc</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Kế hoạch</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>Chuyển gửi</translation>
        </message>
    </context>
    <context>
        <name>CaseOpenDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/case/opening.py" line="+33" />
            <source>Open a support case — household {code}</source>
            <translation>Mở trường hợp hỗ trợ — hộ số {code}</translation>
        </message>
        <message>
            <location line="+12" />
            <source>— the household as a whole —</source>
            <translation>— cả hộ —</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{name} (born {year})</source>
            <translation>{name} (sinh năm {year})</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Who reported it, what is known so far (kept confidential)</source>
            <translation>Ai báo tin, những gì đã biết đến nay (được bảo mật)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>— not assessed —</source>
            <translation>— chưa đánh giá —</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The person &amp;agreed to be helped</source>
            <translation>Người được hỗ trợ đã đồng ý nhận hỗ t&amp;rợ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The person concerned, or a child's carer, agreed to be helped.</source>
            <translation>Người được hỗ trợ, hoặc người chăm sóc trẻ, đã đồng ý nhận hỗ trợ.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Kind of case</source>
            <translation>Loại trường &amp;hợp</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What it is &amp;about</source>
            <translation>Nội &amp;dung cần hỗ trợ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Person concerned</source>
            <translation>&amp;Người liên quan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Opened on</source>
            <translation>Ngày &amp;mở</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Short &amp;summary</source>
            <translation>&amp;Tóm tắt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Risk level</source>
            <translation>Mức độ ngu&amp;y cơ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Consent</source>
            <translation>Sự đồng ý</translation>
        </message>
    </context>
    <context>
        <name>CaseParties</name>
        <message>
            <source>Person who caused harm</source>
            <translation>Người gây tổn hại</translation>
        </message>
        <message>
            <source>Carer</source>
            <translation>Người chăm sóc</translation>
        </message>
        <message>
            <source>Reporter</source>
            <translation>Người báo tin</translation>
        </message>
        <message>
            <source>Anonymous</source>
            <translation>Giấu tên</translation>
        </message>
        <message>
            <source>Add a person to the case</source>
            <translation>Thêm người liên quan</translation>
        </message>
        <message>
            <source>Full name of someone outside the register</source>
            <translation>Họ tên người ngoài sổ hộ</translation>
        </message>
        <message>
            <source>not known</source>
            <translation>không rõ</translation>
        </message>
        <message>
            <source>Anonymous (reporter only)</source>
            <translation>Giấu tên (chỉ người báo tin)</translation>
        </message>
        <message>
            <source>e.g. husband, neighbour, teacher</source>
            <translation>ví dụ: chồng, hàng xóm, giáo viên</translation>
        </message>
        <message>
            <source>Phone or address, to reach the reporter</source>
            <translation>Số điện thoại hoặc địa chỉ để liên hệ người báo tin</translation>
        </message>
        <message>
            <source>&amp;Role</source>
            <translation>&amp;Vai trò</translation>
        </message>
        <message>
            <source>A &amp;member of this household</source>
            <translation>&amp;Thành viên của hộ</translation>
        </message>
        <message>
            <source>Or the &amp;name</source>
            <translation>Hoặc họ tê&amp;n người ngoài sổ</translation>
        </message>
        <message>
            <source>&amp;Sex</source>
            <translation>&amp;Giới tính</translation>
        </message>
        <message>
            <source>&amp;Year of birth</source>
            <translation>Năm &amp;sinh</translation>
        </message>
        <message>
            <source>Re&amp;lationship</source>
            <translation>&amp;Quan hệ</translation>
        </message>
        <message>
            <source>&amp;Contact</source>
            <translation>Liên &amp;hệ với người báo tin</translation>
        </message>
        <message>
            <source>— someone outside the register —</source>
            <translation>— người ngoài sổ hộ —</translation>
        </message>
        <message>
            <source>{name} (born {year})</source>
            <translation>{name} (sinh năm {year})</translation>
        </message>
        <message>
            <source>Person supported</source>
            <translation>Người được hỗ trợ</translation>
        </message>
        <message>
            <source>Person subjected to domestic violence</source>
            <translation>Người bị bạo lực gia đình</translation>
        </message>
        <message>
            <source>Person who committed domestic violence</source>
            <translation>Người có hành vi bạo lực gia đình</translation>
        </message>
        <message>
            <source>Child</source>
            <translation>Trẻ em</translation>
        </message>
        <message>
            <source>Person who abused the child</source>
            <translation>Người có hành vi xâm hại trẻ em</translation>
        </message>
    </context>
    <context>
        <name>Cases</name>
        <message>
            <source>This household no longer exists.</source>
            <translation>Hộ này không còn tồn tại.</translation>
        </message>
        <message>
            <source>This case no longer exists.</source>
            <translation>Trường hợp này không còn tồn tại.</translation>
        </message>
        <message>
            <source>This person is not a member of the household.</source>
            <translation>Người này không phải là thành viên của hộ.</translation>
        </message>
        <message>
            <source>This case is closed; open a new case to act again.</source>
            <translation>Trường hợp này đã đóng; muốn xử lý tiếp, hãy mở một trường hợp mới.</translation>
        </message>
        <message>
            <source>Choose the child this case is about.</source>
            <translation>Hãy chọn trẻ em mà trường hợp này nói đến.</translation>
        </message>
        <message>
            <source>{name} is {age} years old: a child-protection case is for children under {adult}.</source>
            <translation>{name} đã {age} tuổi: trường hợp bảo vệ trẻ em chỉ dành cho trẻ dưới {adult} tuổi.</translation>
        </message>
        <message>
            <source>Opening a support case needs the protection permission: what a case says is locked for everyone else. Ask a commune officer who holds it to open the case or to grant you the permission.</source>
            <translation>Mở hồ sơ trợ giúp cần có quyền bảo vệ: nội dung hồ sơ được khóa với mọi người khác. Hãy nhờ cán bộ xã có quyền này mở hồ sơ hoặc cấp quyền cho bạn.</translation>
        </message>
        <message>
            <source>This case is confidential: only users with the protection permission can read it. It is followed by {owner}.</source>
            <translation>Trường hợp này được bảo mật: chỉ người dùng có quyền bảo vệ mới đọc được. Người phụ trách: {owner}.</translation>
        </message>
        <message>
            <source>Log in as a user to open a case.</source>
            <translation>Hãy đăng nhập bằng một người dùng để mở hồ sơ.</translation>
        </message>
    </context>
    <context>
        <name>CategoryDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/category.py" line="+20" />
            <source>Add a category — household {code}</source>
            <translation>Thêm diện hộ — hộ số {code}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>— choose the standard —</source>
            <translation>— chọn chuẩn nghèo —</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{name} — {decree}</source>
            <translation>{name} — {decree}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>e.g. 125/QĐ-UBND</source>
            <translation>ví dụ: 125/QĐ-UBND</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Category</source>
            <translation>&amp;Diện hộ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Year</source>
            <translation>&amp;Năm</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Poverty &amp;standard</source>
            <translation>&amp;Chuẩn nghèo</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Decision no.</source>
            <translation>Số &amp;quyết định</translation>
        </message>
        <message>
            <location line="+1" />
            <source>N&amp;otes</source>
            <translation>Gh&amp;i chú</translation>
        </message>
    </context>
    <context>
        <name>ChangePassphraseDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/passphrase.py" line="+82" />
            <source>Change my passphrase</source>
            <translation>Đổi mật khẩu của tôi</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{user}: type your current passphrase, then the new one twice.</source>
            <translation>{user}: hãy nhập mật khẩu hiện tại, rồi nhập mật khẩu mới hai lần.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Current passphrase</source>
            <translation>Mật khẩu &amp;hiện tại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;New passphrase</source>
            <translation>Mật khẩu &amp;mới</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Repeat it</source>
            <translation>&amp;Nhập lại</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Type your current passphrase.</source>
            <translation>Hãy nhập mật khẩu hiện tại.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>This is not your current passphrase.</source>
            <translation>Mật khẩu hiện tại không đúng.</translation>
        </message>
    </context>
    <context>
        <name>CheckCard</name>
        <message>
            <location filename="../../desktop/ui/pages/review_checks.py" line="+63" />
            <source>A problem to check</source>
            <translation>Một vấn đề cần kiểm tra</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Open the household</source>
            <translation>Mở hộ gia đình</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Change household number…</source>
            <translation>Đổi số hộ…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Not a duplicate</source>
            <translation>Không phải trùng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The records are different: this item is closed on every laptop.</source>
            <translation>Các bản ghi này là khác nhau: mục này được đóng trên mọi máy.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Household no. {number}</source>
            <translation>Hộ số {number}</translation>
        </message>
    </context>
    <context>
        <name>ChildForms</name>
        <message>
            <source>Write the time as hours:minutes, e.g. 08:30.</source>
            <translation>Ghi giờ theo dạng giờ:phút, ví dụ 08:30.</translation>
        </message>
        <message>
            <source>The age must be between {min} and {max}.</source>
            <translation>Tuổi phải từ {min} đến {max}.</translation>
        </message>
        <message>
            <source>The review is written at the step “{step}”; move the case there first.</source>
            <translation>Bản rà soát được lập ở bước “{step}”; hãy chuyển hồ sơ sang bước đó trước.</translation>
        </message>
    </context>
    <context>
        <name>ChildPlan</name>
        <message>
            <source>Enter the day it must be done by.</source>
            <translation>Hãy nhập hạn phải làm xong.</translation>
        </message>
        <message>
            <source>This plan item no longer exists.</source>
            <translation>Việc này không còn trong kế hoạch.</translation>
        </message>
        <message>
            <source>The day is before the case was opened.</source>
            <translation>Ngày này ở trước ngày mở trường hợp.</translation>
        </message>
        <message>
            <source>A plan item goes from planned to done or dropped.</source>
            <translation>Một việc trong kế hoạch chỉ chuyển từ dự kiến sang đã xong hoặc bỏ.</translation>
        </message>
        <message>
            <source>This date cannot be in the future.</source>
            <translation>Ngày này không được sau ngày hôm nay.</translation>
        </message>
        <message>
            <source>Record the plan step first: plan items belong to an approved plan.</source>
            <translation>Hãy ghi bước lập kế hoạch trước: các việc chỉ thêm được vào kế hoạch đã được phê duyệt.</translation>
        </message>
    </context>
    <context>
        <name>ChildProtection</name>
        <message>
            <source>Steps cannot be skipped: the next step is “{next}”.</source>
            <translation>Không được bỏ qua bước nào: bước tiếp theo là “{next}”.</translation>
        </message>
        <message>
            <source>This case has gone through every step.</source>
            <translation>Trường hợp này đã đi hết các bước.</translation>
        </message>
        <message>
            <source>This is not a child-protection case.</source>
            <translation>Đây không phải là trường hợp bảo vệ trẻ em.</translation>
        </message>
        <message>
            <source>Tick at least one group of Art. 10.</source>
            <translation>Hãy đánh dấu ít nhất một nhóm theo Điều 10.</translation>
        </message>
        <message>
            <source>Unknown group; choose from the list of the law.</source>
            <translation>Nhóm không có trong danh sách; hãy chọn theo danh sách của luật.</translation>
        </message>
        <message>
            <source>Write the closing review (Mẫu 06) first.</source>
            <translation>Hãy lập bản rà soát, đánh giá sau can thiệp (Mẫu 06) trước khi đóng hồ sơ.</translation>
        </message>
    </context>
    <context>
        <name>Cli</name>
        <message>
            <location filename="../../desktop/cli/main.py" line="+77" />
            <source>Stopped.</source>
            <translation>Đã dừng.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Argument {number} on the command line, {argument}, holds bytes that are not UTF-8 text: type it again, or rename the file or folder it names.</source>
            <translation>Tham số thứ {number} trên dòng lệnh, {argument}, có byte không phải văn bản UTF-8: hãy gõ lại, hoặc đổi tên tệp hay thư mục mà nó chỉ tới.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{path} is a file where Sổ tay needs a folder: move or rename that file, then try again.</source>
            <translation>{path} là một tệp, nhưng Sổ tay cần một thư mục ở chỗ đó: hãy chuyển hoặc đổi tên tệp ấy rồi thử lại.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{path} is a folder; give the name of a file.</source>
            <translation>{path} là một thư mục; hãy cho tên của một tệp.</translation>
        </message>
        <message>
            <location line="+53" />
            <source>usage: </source>
            <translation>cách dùng: </translation>
        </message>
        <message>
            <location line="+1" />
            <source>positional arguments</source>
            <translation>tham số</translation>
        </message>
        <message>
            <location line="+1" />
            <source>options</source>
            <translation>tùy chọn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>show this help message and exit</source>
            <translation>hiện hướng dẫn này rồi thoát</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%(prog)s: error: %(message)s
</source>
            <translation>%(prog)s: lỗi: %(message)s
</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the following arguments are required: %s</source>
            <translation>còn thiếu: %s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unrecognized arguments: %s</source>
            <translation>không hiểu các tham số: %s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>invalid choice: %(value)r (choose from %(choices)s)</source>
            <translation>không có lựa chọn %(value)r (chọn một trong: %(choices)s)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>invalid %(type)s value: %(value)r</source>
            <translation>giá trị %(type)s không hợp lệ: %(value)r</translation>
        </message>
        <message>
            <location line="+1" />
            <source>argument %(argument_name)s: %(message)s</source>
            <translation>tham số %(argument_name)s: %(message)s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>expected one argument</source>
            <translation>cần một giá trị</translation>
        </message>
        <message>
            <location line="+1" />
            <source>expected at least one argument</source>
            <translation>cần ít nhất một giá trị</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ambiguous option: %(option)s could match %(matches)s</source>
            <translation>tùy chọn %(option)s không rõ, có thể là %(matches)s</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Sổ tay CTV: the household register and home visits of a commune collaborator.</source>
            <translation>Sổ tay CTV: sổ hộ gia đình và thăm hộ của cộng tác viên xã.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Exit codes: 0 done, 1 unexpected error (see the log), 2 wrong command or folder, 3 input refused.</source>
            <translation>Mã thoát: 0 xong, 1 lỗi không mong muốn (xem tệp nhật ký), 2 sai lệnh hoặc thư mục, 3 dữ liệu không được chấp nhận.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/backup.py" line="+68" />
            <location line="+14" />
            <location filename="../../desktop/cli/main.py" line="+8" />
            <source>FOLDER</source>
            <translation>THƯ_MỤC</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/main.py" line="+1" />
            <source>Keep the whole profile in this folder (or set SOTAY_HOME).</source>
            <translation>Để toàn bộ sổ tay trong thư mục này (hoặc đặt biến SOTAY_HOME).</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Language of the messages (default: vi).</source>
            <translation>Ngôn ngữ của thông báo (mặc định: vi).</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Show the version and exit.</source>
            <translation>Hiện phiên bản rồi thoát.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/audit.py" line="+37" />
            <location filename="../../desktop/cli/backup.py" line="-29" />
            <location filename="../../desktop/cli/main.py" line="+5" />
            <location filename="../../desktop/cli/profile.py" line="+46" />
            <location filename="../../desktop/cli/report.py" line="+50" />
            <location filename="../../desktop/cli/user.py" line="+48" />
            <source>commands</source>
            <translation>lệnh</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/app.py" line="+27" />
            <source>Open the app window (what `sotay` alone does).</source>
            <translation>Mở cửa sổ ứng dụng (như khi chạy `sotay` không kèm lệnh).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Close as soon as the main window is shown (to time the start).</source>
            <translation>Đóng ngay khi cửa sổ chính hiện ra (để đo thời gian khởi động).</translation>
        </message>
        <message>
            <location line="+4" />
            <location filename="../../desktop/cli/backup.py" line="+51" />
            <location filename="../../desktop/cli/credentials.py" line="+54" />
            <location line="+19" />
            <location line="+5" />
            <location filename="../../desktop/cli/profile.py" line="-12" />
            <location filename="../../desktop/cli/report_output.py" line="+44" />
            <location line="+9" />
            <location filename="../../desktop/cli/user.py" line="+22" />
            <location line="+49" />
            <source>FILE</source>
            <translation>TỆP</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save a picture (PNG) of the main window to this file, then close.</source>
            <translation>Lưu ảnh (PNG) cửa sổ chính vào tệp này rồi đóng.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/demo.py" line="+31" />
            <source>Fill an empty profile with made-up but realistic households, events and visits.</source>
            <translation>Tạo trong một sổ tay trống các hộ, biến động dân số và lượt thăm hộ giả định nhưng giống thật.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Number of households, from 1 to 200000 (default: 600).</source>
            <translation>Số hộ, từ 1 đến 200000 (mặc định: 600).</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The same seed always gives the same data (default: 1).</source>
            <translation>Cùng một số khởi tạo luôn cho cùng dữ liệu (mặc định: 1).</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Last day of the demo year, e.g. 30/06/2025 or 2025-06-30 (default: today).</source>
            <translation>Ngày cuối của năm dữ liệu mẫu, ví dụ 30/06/2025 hoặc 2025-06-30 (mặc định: hôm nay).</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/stats.py" line="+31" />
            <source>Count the records of the profile.</source>
            <translation>Đếm số bản ghi của sổ tay.</translation>
        </message>
        <message>
            <location line="+5" />
            <location filename="../../desktop/cli/sync.py" line="+30" />
            <source>Print one JSON object instead of a table.</source>
            <translation>In một đối tượng JSON thay cho bảng.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/find.py" line="+25" />
            <source>Find people and households by name, household number or address, with or without diacritics.</source>
            <translation>Tìm người và hộ theo tên, số hộ hoặc địa chỉ, gõ có dấu hay không dấu đều được.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>TEXT</source>
            <translation>NỘI_DUNG</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What to look for, e.g. nguyen thi huong.</source>
            <translation>Nội dung cần tìm, ví dụ: nguyen thi huong.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Show at most N results, from 1 to 1000 (default: 50).</source>
            <translation>Hiện tối đa N kết quả, từ 1 đến 1000 (mặc định: 50).</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/audit.py" line="+38" />
            <location filename="../../desktop/cli/backup.py" line="-14" />
            <source>Print a JSON list instead of lines.</source>
            <translation>In một danh sách JSON thay cho từng dòng.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/app.py" line="+21" />
            <source>There is no display here, so a picture of the app window was saved instead: {path}</source>
            <translation>Máy này không có màn hình nên đã lưu ảnh cửa sổ ứng dụng thay thế: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/demo.py" line="+17" />
            <source>Demo profile created in {home}: {households} households in {villages} villages, {people} people, {events} population events and {visits} visits ({seconds} s).</source>
            <translation>Đã tạo sổ tay mẫu ở {home}: {households} hộ trong {villages} thôn, {people} nhân khẩu, {events} biến động dân số và {visits} lượt thăm hộ ({seconds} giây).</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/stats.py" line="+18" />
            <source>Profile in {home}</source>
            <translation>Sổ tay ở {home}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Cases by kind are shown only to users with the protection permission (case content).</source>
            <translation>Số trường hợp theo loại chỉ hiện với người có quyền xem hồ sơ bảo vệ (nội dung hồ sơ): bạn không có quyền xem.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Villages</source>
            <translation>Thôn, tổ dân phố</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Households</source>
            <translation>Hộ gia đình</translation>
        </message>
        <message>
            <location line="+1" />
            <source>of which not dissolved</source>
            <translation>trong đó còn trong sổ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Household categories (all years)</source>
            <translation>Diện hộ (mọi năm)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>People</source>
            <translation>Nhân khẩu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>of which living here</source>
            <translation>trong đó đang ở</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Population events</source>
            <translation>Biến động dân số</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Home visits</source>
            <translation>Lượt thăm hộ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Changes not yet sent to the upper level</source>
            <translation>Thay đổi chưa gửi lên tuyến trên</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Support cases</source>
            <translation>Trường hợp hỗ trợ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>of which open</source>
            <translation>trong đó đang mở</translation>
        </message>
        <message>
            <location line="+1" />
            <source>of which closed</source>
            <translation>trong đó đã đóng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>of which domestic violence</source>
            <translation>trong đó bạo lực gia đình</translation>
        </message>
        <message>
            <location line="+1" />
            <source>of which child protection</source>
            <translation>trong đó bảo vệ trẻ em</translation>
        </message>
        <message>
            <location line="+1" />
            <source>of which other support</source>
            <translation>trong đó hỗ trợ khác</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tasks to do</source>
            <translation>Việc cần làm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Communication activities</source>
            <translation>Hoạt động truyền thông</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/find.py" line="+22" />
            <source>Type something to look for.</source>
            <translation>Hãy nhập nội dung cần tìm.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/audit.py" line="+83" />
            <location filename="../../desktop/cli/find.py" line="+2" />
            <source>The limit must be between 1 and {max}.</source>
            <translation>Giới hạn phải từ 1 đến {max}.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/find.py" line="-18" />
            <source>Print one JSON object instead of lines: "results" (the people and households shown), "total" (how many match) and "more" (true when --limit left some out).</source>
            <translation>In một đối tượng JSON thay cho các dòng: "results" (những người và hộ được in ra), "total" (tổng số kết quả khớp) và "more" (true khi --limit đã bỏ bớt kết quả).</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Nothing found for “{query}”.</source>
            <translation>Không tìm thấy gì cho “{query}”.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Person</source>
            <translation>Người</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Household</source>
            <translation>Hộ</translation>
        </message>
        <message>
            <location line="+3" />
            <source>moved out</source>
            <translation>đã chuyển đi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>dead</source>
            <translation>đã mất</translation>
        </message>
        <message>
            <location line="+1" />
            <source>dissolved</source>
            <translation>đã xóa khỏi sổ</translation>
        </message>
        <message>
            <location line="+9" />
            <source>… and {count} more; use --limit to see them.</source>
            <translation>… và {count} kết quả nữa; dùng --limit để xem thêm.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/audit.py" line="+44" />
            <source>Showing the first {count}; use --limit for more.</source>
            <translation>Đang hiện {count} kết quả đầu; dùng --limit để xem thêm.</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../desktop/cli/find.py" line="+2" />
            <source>{count} result(s).</source>
            <translation>{count} kết quả.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/backup.py" line="+53" />
            <location line="+20" />
            <location line="+3" />
            <location filename="../../desktop/cli/credentials.py" line="+52" />
            <location filename="../../desktop/cli/report_output.py" line="+56" />
            <source>{home} is not a folder.</source>
            <translation>{home} không phải là thư mục.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/credentials.py" line="+3" />
            <source>No profile found in {home}; run `sotay --home {home} demo` or open the app to create one.</source>
            <translation>Không tìm thấy sổ tay ở {home}; chạy `sotay --home {home} demo` hoặc mở ứng dụng để tạo.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Cannot write to the folder {home}.</source>
            <translation>Không ghi được vào thư mục {home}.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Cannot create the folder {home}.</source>
            <translation>Không tạo được thư mục {home}.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/demo.py" line="+35" />
            <source>Passphrase of the demo profile: {passphrase}</source>
            <translation>Mật khẩu của sổ tay mẫu: {passphrase}</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/credentials.py" line="+12" />
            <source>{path} cannot be opened as a Sổ tay profile: it is damaged, in use, or another kind of file.</source>
            <translation>Không mở được {path} như một sổ tay của Sổ tay CTV: tệp bị hỏng, đang được dùng, hoặc là loại tệp khác.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/crash.py" line="+38" />
            <source>Something unexpected went wrong, and no log file could be written.</source>
            <translation>Đã xảy ra lỗi không mong muốn và không ghi được tệp nhật ký.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Something unexpected went wrong ({error}), and no log file could be written: {folder} must be a folder you can write to.</source>
            <translation>Đã xảy ra lỗi không mong muốn ({error}) và không ghi được tệp nhật ký: {folder} phải là một thư mục bạn ghi được.</translation>
        </message>
        <message>
            <location line="-11" />
            <source>Something unexpected went wrong. The details were written to {path}</source>
            <translation>Đã xảy ra lỗi không mong muốn. Chi tiết đã được ghi vào {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/audit.py" line="-173" />
            <source>The audit log: who changed which record, and when.</source>
            <translation>Nhật ký kiểm tra: ai đã thay đổi hồ sơ nào, vào lúc nào.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Check that no audit event was changed or removed since it was written.</source>
            <translation>Kiểm tra rằng không có mục nhật ký nào bị sửa hoặc xóa kể từ khi được ghi.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>List audit events, newest first.</source>
            <translation>Liệt kê các mục nhật ký, mới nhất trước.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Only the events of this record (its id).</source>
            <translation>Chỉ các mục của bản ghi này (theo mã id).</translation>
        </message>
        <message>
            <location line="+4" />
            <location filename="../../desktop/cli/credentials.py" line="-108" />
            <location filename="../../desktop/cli/user.py" line="-67" />
            <source>NAME</source>
            <translation>TÊN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only the events written by this user.</source>
            <translation>Chỉ các mục do người dùng này ghi.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Show at most N events, from 1 to 1000 (default: 50).</source>
            <translation>Hiện tối đa N mục, từ 1 đến 1000 (mặc định: 50).</translation>
        </message>
        <message>
            <location line="+22" />
            <source>The audit chain is intact: {count} event(s) checked.</source>
            <translation>Chuỗi nhật ký nguyên vẹn: đã kiểm tra {count} mục.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The audit chain is broken at event {id} ({time}, table {table}, record {record}): {reason} The {count} event(s) before it are intact.</source>
            <translation>Chuỗi nhật ký bị đứt ở mục {id} ({time}, bảng {table}, bản ghi {record}): {reason} {count} mục trước đó vẫn nguyên vẹn.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>The newest entries of the audit log are missing or the log was rewritten: the record of its newest entry in the key file does not match.</source>
            <translation>Các mục mới nhất của nhật ký đã bị xóa hoặc nhật ký đã bị viết lại: bản ghi mục mới nhất trong tệp khóa không khớp.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The newest entries of the audit log are missing or the log was rewritten: the key file records event {id} as the newest, and the log does not hold it as it was written.</source>
            <translation>Các mục mới nhất của nhật ký đã bị xóa hoặc nhật ký đã bị viết lại: tệp khóa ghi mục {id} là mục mới nhất, nhưng nhật ký không còn giữ mục đó như khi được ghi.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>this event was changed after it was written.</source>
            <translation>mục này đã bị sửa sau khi được ghi.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the event before it was changed after it was written.</source>
            <translation>mục đứng trước nó đã bị sửa sau khi được ghi.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>one or more events before it were removed.</source>
            <translation>một hoặc nhiều mục đứng trước nó đã bị xóa.</translation>
        </message>
        <message>
            <location line="+39" />
            <source>No audit events found.</source>
            <translation>Không có mục nhật ký nào.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>created</source>
            <translation>tạo mới</translation>
        </message>
        <message>
            <location line="+1" />
            <source>changed</source>
            <translation>sửa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deleted</source>
            <translation>xóa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>received from another laptop</source>
            <translation>nhận từ máy khác</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/device.py" line="+28" />
            <source>Show this device's identity (its certificate).</source>
            <translation>Xem định danh của thiết bị này (chứng thư số).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Print the device id, the certificate subject and its SHA-256 fingerprint.</source>
            <translation>In mã thiết bị, chủ thể của chứng thư và dấu vân tay SHA-256.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Print one JSON object instead of text.</source>
            <translation>In một đối tượng JSON thay cho văn bản.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The profile in {home} has no device identity yet.</source>
            <translation>Sổ tay ở {home} chưa có định danh thiết bị.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The device certificate of the profile in {home} is missing. It is made again from the device key the next time the profile is opened: start the app, or run a command that asks for the passphrase, such as sotay stats.</source>
            <translation>Chứng thư thiết bị của hồ sơ ở {home} bị mất. Chứng thư sẽ được làm lại từ khóa thiết bị ở lần mở hồ sơ tới: hãy mở ứng dụng, hoặc chạy một lệnh có hỏi mật khẩu, chẳng hạn sotay stats.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>self-signed (not enrolled at the hub yet)</source>
            <translation>tự ký (chưa đăng ký với tuyến trên)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>issued by the hub</source>
            <translation>do tuyến trên cấp</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Device: {device_id}
Certificate: {subject}
SHA-256 fingerprint: {sha256}
Valid from {not_before} to {not_after}, {signer}.</source>
            <translation>Thiết bị: {device_id}
Chứng thư: {subject}
Dấu vân tay SHA-256: {sha256}
Hiệu lực từ {not_before} đến {not_after}, {signer}.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/backup.py" line="-118" />
            <source>Encrypted backups of the profile: make, list, restore.</source>
            <translation>Bản sao lưu đã mã hóa của sổ tay: tạo, xem danh sách, khôi phục.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Write an encrypted backup of the profile, e.g. to a USB stick, and print its path.</source>
            <translation>Ghi một bản sao lưu đã mã hóa của sổ tay, ví dụ vào USB, rồi in đường dẫn của tệp.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Write the backup into this existing folder (default: the profile's backups).</source>
            <translation>Ghi bản sao lưu vào thư mục có sẵn này (mặc định: thư mục sao lưu của sổ tay).</translation>
        </message>
        <message>
            <location line="+7" />
            <source>List backups, newest first, and check each for damage.</source>
            <translation>Liệt kê các bản sao lưu, mới nhất trước, và kiểm tra xem bản nào bị hỏng.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>List the backups in this folder (default: the profile's backups).</source>
            <translation>Liệt kê các bản sao lưu trong thư mục này (mặc định: thư mục sao lưu của sổ tay).</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Restore the profile from a backup, opened with a passphrase or the recovery code of the backup.</source>
            <translation>Khôi phục sổ tay từ một bản sao lưu, mở bằng mật khẩu hoặc mã khôi phục của bản sao lưu đó.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The backup file (.sotaybak).</source>
            <translation>Tệp sao lưu (.sotaybak).</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Replace a profile with newer changes too (it is moved to a replaced-… folder, not deleted).</source>
            <translation>Thay cả sổ tay có thay đổi mới hơn (sổ tay đó được chuyển vào thư mục replaced-…, không bị xóa).</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/credentials.py" line="+26" />
            <source>Read the recovery code from this file (or SOTAY_RECOVERY_CODE).</source>
            <translation>Đọc mã khôi phục từ tệp này (hoặc từ SOTAY_RECOVERY_CODE).</translation>
        </message>
        <message>
            <location line="+6" />
            <location filename="../../desktop/cli/profile.py" line="+2" />
            <source>Read the new passphrase from this file (or SOTAY_NEW_PASSPHRASE).</source>
            <translation>Đọc mật khẩu mới từ tệp này (hoặc từ SOTAY_NEW_PASSPHRASE).</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/backup.py" line="+9" />
            <source>With --yes: replace the notebook in the folder even when the backup is of another notebook (another commune, collaborator or profile id).</source>
            <translation>Cùng với --yes: thay sổ tay trong thư mục kể cả khi bản sao lưu là của một sổ tay khác (xã, cộng tác viên hoặc mã sổ tay khác).</translation>
        </message>
        <message>
            <location line="+53" />
            <source>No backups in {folder}.</source>
            <translation>Không có bản sao lưu nào trong {folder}.</translation>
        </message>
        <message>
            <location line="+60" />
            <source>automatic</source>
            <translation>tự động</translation>
        </message>
        <message>
            <location line="+2" />
            <source>on demand</source>
            <translation>thủ công</translation>
        </message>
        <message>
            <location line="+7" />
            <source>ok</source>
            <translation>tốt</translation>
        </message>
        <message>
            <location line="-4" />
            <source>DAMAGED</source>
            <translation>BỊ HỎNG</translation>
        </message>
        <message>
            <location line="+2" />
            <source>not checked</source>
            <translation>chưa kiểm tra</translation>
        </message>
        <message>
            <location line="+33" />
            <source>{reason}
To replace it anyway, add --yes: it will be moved to a replaced-… folder in {home}, not deleted.</source>
            <translation>{reason}
Nếu vẫn muốn thay, hãy thêm --yes: sổ tay hiện có sẽ được chuyển vào thư mục replaced-… trong {home}, không bị xóa.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{reason}
To replace that notebook with the other one anyway, add --yes --other-profile: it will be moved to a replaced-… folder in {home}, not deleted.</source>
            <translation>{reason}
Nếu vẫn muốn thay sổ tay đó bằng sổ tay kia, hãy thêm --yes --other-profile: sổ tay đó sẽ được chuyển vào một thư mục replaced-… trong {home}, không bị xoá.</translation>
        </message>
        <message>
            <location line="+42" />
            <source>The backup made on {created} was restored into {home}.</source>
            <translation>Đã khôi phục bản sao lưu tạo lúc {created} vào {home}.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The profile that was there before was moved to {folder}.</source>
            <translation>Sổ tay có ở đó trước đây đã được chuyển vào {folder}.</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../desktop/cli/profile.py" line="+99" />
            <location filename="../../desktop/cli/user.py" line="+141" />
            <source>{user} now logs in with the new passphrase; the old one no longer works.</source>
            <translation>Từ nay {user} đăng nhập bằng mật khẩu mới; mật khẩu cũ không dùng được nữa.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/credentials.py" line="-31" />
            <source>Log in as this user (or set SOTAY_USER).</source>
            <translation>Đăng nhập với tên người dùng này (hoặc đặt biến SOTAY_USER).</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Read the passphrase from the first line of this file (or set SOTAY_PASSPHRASE).</source>
            <translation>Đọc mật khẩu từ dòng đầu tiên của tệp này (hoặc đặt biến SOTAY_PASSPHRASE).</translation>
        </message>
        <message>
            <location line="+50" />
            <source>The profile in {home} is not protected by a passphrase yet. Run `sotay --home {home} protect` to choose one.</source>
            <translation>Sổ tay ở {home} chưa được bảo vệ bằng mật khẩu. Hãy chạy `sotay --home {home} protect` để đặt mật khẩu.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Choose a new passphrase first.</source>
            <translation>Hãy đặt mật khẩu mới trước.</translation>
        </message>
        <message>
            <location line="+50" />
            <source>The profile database {path} is damaged and there is no backup of it in {folder}. Restore a backup from a USB stick with `sotay --home {home} backup restore FILE`.</source>
            <translation>Cơ sở dữ liệu của sổ tay {path} bị hỏng và không có bản sao lưu nào trong {folder}. Hãy khôi phục bản sao lưu từ USB bằng lệnh `sotay --home {home} backup restore FILE`.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The profile database {path} is damaged. The newest good backup was made on {date}; restore it with `sotay --home {home} backup restore {backup} --yes`.</source>
            <translation>Cơ sở dữ liệu của sổ tay {path} bị hỏng. Bản sao lưu còn tốt mới nhất được tạo lúc {date}; hãy khôi phục bằng lệnh `sotay --home {home} backup restore {backup} --yes`.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>This profile has several users ({users}); name one with --user or SOTAY_USER.</source>
            <translation>Sổ tay này có nhiều người dùng ({users}); hãy chọn một người bằng --user hoặc SOTAY_USER.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Passphrase: </source>
            <translation>Mật khẩu: </translation>
        </message>
        <message>
            <location line="+2" />
            <source>This profile is locked. Give the passphrase in SOTAY_PASSPHRASE or with --passphrase-file FILE.</source>
            <translation>Sổ tay này đang khóa. Hãy đưa mật khẩu qua biến SOTAY_PASSPHRASE hoặc bằng --passphrase-file FILE.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>New passphrase: </source>
            <translation>Mật khẩu mới: </translation>
        </message>
        <message>
            <location line="+1" />
            <source>The same passphrase again: </source>
            <translation>Nhập lại mật khẩu: </translation>
        </message>
        <message>
            <location line="+3" />
            <source>The two passphrases are not the same.</source>
            <translation>Hai mật khẩu không giống nhau.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Give the new passphrase in {env} or with --{option} FILE.</source>
            <translation>Hãy đưa mật khẩu mới qua biến {env} hoặc bằng --{option} FILE.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Cannot read the file {path}.</source>
            <translation>Không đọc được tệp {path}.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>The recovery code you used no longer works. The new recovery code (write it down and keep it locked away; it is shown only this once):

    {code}
</source>
            <translation>Mã khôi phục vừa dùng không còn hiệu lực. Mã khôi phục mới (hãy chép lại và cất giữ cẩn thận ở nơi có khóa; mã chỉ hiện một lần này):

    {code}
</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/profile.py" line="-105" />
            <source>Protect a profile made before passphrases existed.</source>
            <translation>Đặt mật khẩu cho sổ tay được tạo từ khi ứng dụng chưa có mật khẩu.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Passphrases: set a new one with the recovery code.</source>
            <translation>Mật khẩu: đặt mật khẩu mới bằng mã khôi phục.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Forgotten passphrase of a commune officer: unlock with the recovery code, choose a new passphrase and get a new recovery code.</source>
            <translation>Cán bộ xã quên mật khẩu: mở bằng mã khôi phục, đặt mật khẩu mới và nhận mã khôi phục mới.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>A new recovery code in place of the current one (a commune officer holding the protection permission); the old code stops working.</source>
            <translation>Tạo mã khôi phục mới thay cho mã hiện tại (cán bộ xã có quyền bảo vệ); mã cũ không dùng được nữa.</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Name the first user with --user or SOTAY_USER.</source>
            <translation>Hãy ghi tên người dùng đầu tiên bằng --user hoặc SOTAY_USER.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The old recovery code no longer works. The new recovery code (write it down and keep it locked away; it is shown only this once):

    {code}
</source>
            <translation>Mã khôi phục cũ không dùng được nữa. Mã khôi phục mới (hãy chép lại và cất giữ cẩn thận; mã chỉ hiện lần này):

    {code}
</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Recovery code: </source>
            <translation>Mã khôi phục: </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Give the recovery code in SOTAY_RECOVERY_CODE or with --recovery-code-file FILE.</source>
            <translation>Hãy đưa mã khôi phục qua biến SOTAY_RECOVERY_CODE hoặc bằng --recovery-code-file FILE.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/credentials.py" line="-15" />
            <source>The profile is protected. {user} logs in with the chosen passphrase.
Recovery code (write it down and keep it locked away; it is shown only this once):

    {code}
</source>
            <translation>Sổ tay đã được bảo vệ. {user} đăng nhập bằng mật khẩu vừa đặt.
Mã khôi phục (hãy chép lại và cất giữ cẩn thận ở nơi có khóa; mã chỉ hiện một lần này):

    {code}
</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/report.py" line="+14" />
            <source>Write the monthly report of a month as a signed PDF and/or XLSX.</source>
            <translation>Lập báo cáo tháng thành tệp PDF có ký số và/hoặc tệp XLSX.</translation>
        </message>
        <message>
            <location line="+54" />
            <source>The month, written 11/2026, 11-2026 or 2026-11.</source>
            <translation>Tháng, viết 11/2026, 11-2026 hoặc 2026-11.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Write a household's card as a signed PDF and/or XLSX.</source>
            <translation>Lập phiếu thông tin hộ gia đình thành tệp PDF có ký số và/hoặc tệp XLSX.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The household number, as the app shows it.</source>
            <translation>Số hộ, như ứng dụng hiển thị.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Write a support case's file as a signed, confidential PDF; only for the case's owner and users with the protection permission.</source>
            <translation>Lập hồ sơ trường hợp cần hỗ trợ thành tệp PDF có ký số, chứa dữ liệu cá nhân nhạy cảm; chỉ dành cho người phụ trách trường hợp và người dùng có quyền bảo vệ.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The case's ID, as `sotay audit` shows it.</source>
            <translation>Mã của trường hợp, như `sotay audit` hiển thị.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Write the report of a campaign in a year as a signed PDF and/or XLSX.</source>
            <translation>Lập báo cáo một chiến dịch trong năm thành tệp PDF có ký số và/hoặc tệp XLSX.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The campaign's code, e.g. dv_action_month or population_month.</source>
            <translation>Mã chiến dịch, ví dụ dv_action_month hoặc population_month.</translation>
        </message>
        <message>
            <location line="+75" />
            <source>Several households have the number {code}; settle it in Needs review.</source>
            <translation>Có nhiều hộ mang số {code}; hãy xử lý ở mục Cần xem lại.</translation>
        </message>
        <message>
            <location line="-134" />
            <source>The year, e.g. 2025.</source>
            <translation>Năm, ví dụ 2025.</translation>
        </message>
        <message>
            <location line="-88" />
            <source>Signed reports: the monthly report, the P0 slip, the yearly family and domestic-violence report, a household card, an A0 sheet, a case file, a campaign report; check a PDF.</source>
            <translation>Báo cáo có ký số: báo cáo tháng, phiếu thu tin P0, báo cáo năm về gia đình và phòng, chống bạo lực gia đình, phiếu hộ gia đình, phiếu A0, hồ sơ trường hợp, báo cáo chiến dịch; kiểm tra tệp PDF.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>The report's difficulties and obstacles; kept for the month and printed again next time.</source>
            <translation>Khó khăn, vướng mắc của báo cáo; được lưu cho tháng này và in lại ở lần sau.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The report's proposals and requests; kept for the month and printed again next time.</source>
            <translation>Đề xuất, kiến nghị của báo cáo; được lưu cho tháng này và in lại ở lần sau.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Write the yearly report on families and domestic violence (Circular 07/2017) as a signed PDF and/or XLSX.</source>
            <translation>Lập báo cáo năm về thông tin gia đình và phòng, chống bạo lực gia đình (Thông tư 07/2017) thành tệp PDF có ký số và/hoặc tệp XLSX.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/dates.py" line="+37" />
            <source>{value} is not a year: write it with four digits, e.g. 2025.</source>
            <translation>{value} không phải là một năm: hãy viết năm đủ bốn chữ số, ví dụ 2025.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/report.py" line="+13" />
            <source>Write the P0/CTV slip (population events) of a month as a signed PDF and/or XLSX.</source>
            <translation>Lập phiếu thu tin về dân số (P0/CTV) của một tháng thành tệp PDF có ký số và/hoặc tệp XLSX.</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Write a household's A0/CTV sheet, or a village's whole Sổ A0, as a signed PDF and/or XLSX.</source>
            <translation>Lập phiếu A0/CTV của một hộ, hoặc cả Sổ A0 của một thôn, thành tệp PDF có ký số và/hoặc tệp XLSX.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The household number.</source>
            <translation>Số hộ.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Instead, the whole book of this village: its name or its ID.</source>
            <translation>Thay vào đó, cả sổ của thôn này: tên thôn hoặc mã (ID) của thôn.</translation>
        </message>
        <message>
            <location line="+40" />
            <source>First tag with this campaign the activities held during its days that are tagged with none, so the report counts them.</source>
            <translation>Trước hết ghi thuộc chiến dịch này các buổi truyền thông tổ chức trong thời gian chiến dịch mà chưa ghi thuộc chiến dịch nào, để báo cáo tính cả các buổi đó.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/report_output.py" line="-81" />
            <source>Write the PDF here.</source>
            <translation>Ghi tệp PDF vào đây.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Write the tables as XLSX here.</source>
            <translation>Ghi các bảng thành tệp XLSX vào đây.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Do not sign the PDF.</source>
            <translation>Không ký số tệp PDF.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>signing with a USB token (PKCS#11)</source>
            <translation>ký bằng thiết bị ký số USB (PKCS#11)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The token's PKCS#11 driver (.so or .dll).</source>
            <translation>Trình điều khiển PKCS#11 của token (.so hoặc .dll).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The token's label.</source>
            <translation>Nhãn của token.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The certificate's label.</source>
            <translation>Nhãn của chứng thư số.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Read the token's PIN from this file (else SOTAY_TOKEN_PIN, else asked).</source>
            <translation>Đọc mã PIN của token từ tệp này (nếu không có thì lấy SOTAY_TOKEN_PIN, nếu không nữa thì hỏi).</translation>
        </message>
        <message>
            <location line="+49" />
            <source>{path} is a folder; give a file name in it, e.g. {example}.</source>
            <translation>{path} là một thư mục; hãy cho tên tệp trong thư mục đó, ví dụ {example}.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/report_verify.py" line="+31" />
            <source>Check a signed report: who signed it, when, and whether it changed.</source>
            <translation>Kiểm tra báo cáo đã ký: ai ký, ký lúc nào, có bị sửa hay không.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The PDF to check.</source>
            <translation>Tệp PDF cần kiểm tra.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Also trust this certificate (e.g. the CA of a USB token); may be repeated.</source>
            <translation>Tin cậy thêm chứng thư số này (ví dụ của tổ chức cấp chứng thư cho token USB); có thể ghi nhiều lần.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/report.py" line="+73" />
            <source>No household numbered {code} among the households you may see.</source>
            <translation>Không có hộ số {code} trong các hộ bạn được xem.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Give either a household number or --village NAME, not both.</source>
            <translation>Hãy ghi số hộ hoặc --village TÊN-THÔN, không ghi cả hai.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No single village called {village} among the villages you keep.</source>
            <translation>Không tìm thấy đúng một thôn tên {village} trong các thôn bạn phụ trách.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Tagged {count} activities with the campaign.</source>
            <translation>Đã ghi {count} buổi truyền thông thuộc chiến dịch.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{count} activities held during the campaign are tagged with no campaign and are not counted; tag them in the app, or run again with --tag-untagged to tag them all with this campaign.</source>
            <translation>{count} buổi truyền thông trong thời gian chiến dịch chưa ghi thuộc chiến dịch nào nên không được tính; hãy ghi trong ứng dụng, hoặc chạy lại với --tag-untagged để ghi tất cả thuộc chiến dịch này.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/report_output.py" line="-40" />
            <source>Say where to write the report: --out F.pdf, --xlsx F.xlsx or both.</source>
            <translation>Hãy cho biết nơi ghi báo cáo: --out F.pdf, --xlsx F.xlsx hoặc cả hai.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/report.py" line="+15" />
            <source>{value} is not a case ID; give the case's UUID.</source>
            <translation>{value} không phải là mã trường hợp; hãy ghi mã UUID của trường hợp.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/report_output.py" line="+77" />
            <location filename="../../desktop/cli/report_verify.py" line="+13" />
            <source>Cannot read {path}.</source>
            <translation>Không đọc được {path}.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/report_verify.py" line="+6" />
            <source>The report is not valid for this profile.</source>
            <translation>Báo cáo này không hợp lệ đối với sổ tay này.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The file carries no signature.</source>
            <translation>Tệp này không có chữ ký số.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>yes</source>
            <translation>có</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>không</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Signed by: {name}</source>
            <translation>Người ký: {name}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signed at: {when}</source>
            <translation>Thời gian ký: {when}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unchanged since signing: {answer}</source>
            <translation>Nguyên vẹn từ khi ký: {answer}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Certificate trusted by this profile: {answer}</source>
            <translation>Chứng thư số được sổ tay này tin cậy: {answer}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Signed again afterwards by: {name}</source>
            <translation>Ký thêm sau đó: {name}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The signature cannot be read: the file is damaged or was altered.</source>
            <translation>Không đọc được chữ ký: tệp bị hỏng hoặc đã bị sửa.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The report was changed after it was signed: do not rely on this copy.</source>
            <translation>Báo cáo đã bị sửa sau khi ký: đừng dựa vào bản này.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/report_output.py" line="-10" />
            <source>With --token-module, give --token and --cert-label too.</source>
            <translation>Khi dùng --token-module, hãy ghi cả --token và --cert-label.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/report_verify.py" line="+12" />
            <source>{path} is not a PEM certificate.</source>
            <translation>{path} không phải là chứng thư số dạng PEM.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/report_output.py" line="+13" />
            <source>Token PIN: </source>
            <translation>Mã PIN của token: </translation>
        </message>
        <message>
            <location filename="../../desktop/cli/user.py" line="-150" />
            <source>The users of this profile (for a commune officer).</source>
            <translation>Người dùng của sổ tay này (dành cho cán bộ xã).</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The user's name, as they type it at login.</source>
            <translation>Tên người dùng, như khi gõ lúc đăng nhập.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>List the users: role, protection permission, villages.</source>
            <translation>Liệt kê người dùng: vai trò, quyền xem trường hợp bảo vệ, các thôn.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Print JSON instead of lines.</source>
            <translation>In ra JSON thay cho từng dòng.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Grant (on) or take away (off) the permission to see the content of support cases.</source>
            <translation>Cấp (on) hoặc thu hồi (off) quyền xem nội dung các trường hợp hỗ trợ.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>For on: read the user's own passphrase from this file (or SOTAY_THEIR_PASSPHRASE).</source>
            <translation>Khi cấp quyền (on): đọc mật khẩu riêng của người dùng từ tệp này (hoặc SOTAY_THEIR_PASSPHRASE).</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Set a new passphrase for a user who forgot theirs; the old one stops working.</source>
            <translation>Đặt mật khẩu mới cho người dùng quên mật khẩu; mật khẩu cũ không dùng được nữa.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Add a user with their own passphrase.</source>
            <translation>Thêm người dùng với mật khẩu riêng của họ.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>ctv: own villages; officer: whole commune, manages users; hub: read only.</source>
            <translation>ctv: các thôn mình phụ trách; officer: toàn xã, quản lý người dùng; hub: chỉ xem.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>May see the content of support cases.</source>
            <translation>Được xem nội dung các trường hợp hỗ trợ.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>ID,…</source>
            <translation>MÃ,…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The villages a collaborator keeps: their ids or names, separated by commas.</source>
            <translation>Các thôn cộng tác viên phụ trách: mã hoặc tên thôn, cách nhau bằng dấu phẩy.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Read the user's passphrase from this file (or SOTAY_NEW_PASSPHRASE).</source>
            <translation>Đọc mật khẩu của người dùng từ tệp này (hoặc từ SOTAY_NEW_PASSPHRASE).</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Only a collaborator (--role ctv) keeps villages; leave out --villages.</source>
            <translation>Chỉ cộng tác viên (--role ctv) mới phụ trách thôn; hãy bỏ --villages.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{user} can now log in with their passphrase.</source>
            <translation>Từ nay {user} đăng nhập được bằng mật khẩu của mình.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>{user} may now see the content of support cases.</source>
            <translation>Từ nay {user} được xem nội dung các trường hợp hỗ trợ.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{user} may no longer see the content of support cases.</source>
            <translation>Từ nay {user} không còn được xem nội dung các trường hợp hỗ trợ.</translation>
        </message>
        <message>
            <location line="+36" />
            <source>{user}, type your own passphrase: </source>
            <translation>{user}, hãy gõ mật khẩu của bạn: </translation>
        </message>
        <message>
            <location line="+16" />
            <source>No single village of the commune is called {village}.</source>
            <translation>Không có đúng một thôn nào của xã tên là {village}.</translation>
        </message>
        <message>
            <location line="+29" />
            <source>sees case content</source>
            <translation>xem được nội dung trường hợp</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/console.py" line="+159" />
            <source>The disk is full: make room in {folder} (delete or move files you no longer need), then try again.</source>
            <translation>Ổ đĩa đã đầy: hãy dọn bớt chỗ ở {folder} (xóa hoặc chuyển đi những tệp không còn cần) rồi thử lại.</translation>
        </message>
        <message>
            <location filename="../../desktop/logs.py" line="+36" />
            <source>The log folder {folder} cannot be written; messages go to the terminal only.</source>
            <translation>Không ghi được vào thư mục nhật ký {folder}; thông báo chỉ hiện ở cửa sổ dòng lệnh.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/sync.py" line="-10" />
            <source>Exchange the notebook's changes with other copies.</source>
            <translation>Trao đổi các thay đổi của sổ tay với các bản khác.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Show the changes not yet acknowledged by the upper level, and open conflicts.</source>
            <translation>Xem các thay đổi cấp trên chưa xác nhận đã nhận, và các xung đột đang mở.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Changes not yet acknowledged by the upper level: {count}</source>
            <translation>Thay đổi cấp trên chưa xác nhận đã nhận: {count}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Open conflicts: {count}</source>
            <translation>Xung đột đang mở: {count}</translation>
        </message>
    </context>
    <context>
        <name>CloseCaseDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/case/forms.py" line="+147" />
            <source>Close the case</source>
            <translation>Đóng trường hợp</translation>
        </message>
        <message>
            <location line="+6" />
            <source>How the situation ended, what was agreed</source>
            <translation>Sự việc kết thúc thế nào, đã thống nhất những gì</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Closed on</source>
            <translation>&amp;Ngày đóng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Outcome</source>
            <translation>&amp;Kết quả</translation>
        </message>
    </context>
    <context>
        <name>ConflictCard</name>
        <message>
            <location filename="../../desktop/ui/pages/review.py" line="+104" />
            <location line="+1" />
            <source>Keep this value</source>
            <translation>Giữ giá trị này</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Leave it deleted</source>
            <translation>Để nguyên là đã xóa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore</source>
            <translation>Khôi phục</translation>
        </message>
        <message>
            <location line="+7" />
            <source>In the record now</source>
            <translation>Đang dùng trong sổ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set aside</source>
            <translation>Bị gác lại</translation>
        </message>
        <message>
            <location line="+27" />
            <source>{kind} no. {number}</source>
            <translation>{kind} số {number}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{kind}: {name}</source>
            <translation>{kind}: {name}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{record} — {field}</source>
            <translation>{record} — {field}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The same detail was changed on two laptops before they exchanged their changes.</source>
            <translation>Cùng một thông tin đã được sửa trên hai máy trước khi hai máy trao đổi thay đổi.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A change came from a laptop whose date was wrong (more than a day ahead), so it was set aside.</source>
            <translation>Một thay đổi đến từ máy có ngày giờ sai (sớm hơn thực tế quá một ngày) nên đã bị gác lại.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The record was deleted on one laptop and changed on another.</source>
            <translation>Bản ghi đã bị xóa trên một máy nhưng lại được sửa trên máy khác.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The two laptops disagree about this detail.</source>
            <translation>Hai máy ghi khác nhau về thông tin này.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Deleted</source>
            <translation>Đã xóa</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Still there, with the later changes</source>
            <translation>Vẫn còn, với các thay đổi sau đó</translation>
        </message>
        <message>
            <location line="+6" />
            <source>(empty)</source>
            <translation>(để trống)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>this laptop</source>
            <translation>máy này</translation>
        </message>
        <message>
            <location line="+2" />
            <source>another laptop</source>
            <translation>máy khác</translation>
        </message>
        <message>
            <location line="+5" />
            <source>On {who}</source>
            <translation>Trên {who}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On {who}, {when}</source>
            <translation>Trên {who}, {when}</translation>
        </message>
    </context>
    <context>
        <name>Conflicts</name>
        <message>
            <source>Other record</source>
            <translation>Bản ghi khác</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Thôn</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Người dùng</translation>
        </message>
        <message>
            <source>Household</source>
            <translation>Hộ gia đình</translation>
        </message>
        <message>
            <source>Household category</source>
            <translation>Diện hộ</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Nhân khẩu</translation>
        </message>
        <message>
            <source>Population event</source>
            <translation>Biến động dân số</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Lần thăm hộ</translation>
        </message>
        <message>
            <source>Support case</source>
            <translation>Trường hợp hỗ trợ</translation>
        </message>
        <message>
            <source>Measure of a support case</source>
            <translation>Biện pháp của trường hợp hỗ trợ</translation>
        </message>
        <message>
            <source>Referral of a support case</source>
            <translation>Chuyển gửi của trường hợp hỗ trợ</translation>
        </message>
        <message>
            <source>Own task</source>
            <translation>Việc tự ghi</translation>
        </message>
        <message>
            <source>Task done or put off</source>
            <translation>Việc đã làm hoặc hoãn</translation>
        </message>
        <message>
            <source>Person in a support case</source>
            <translation>Người liên quan trong trường hợp hỗ trợ</translation>
        </message>
        <message>
            <source>Step of a support plan</source>
            <translation>Bước của kế hoạch hỗ trợ</translation>
        </message>
        <message>
            <source>Entry of a support case's timeline</source>
            <translation>Mục trong diễn biến trường hợp hỗ trợ</translation>
        </message>
        <message>
            <source>Campaign year</source>
            <translation>Chiến dịch trong năm</translation>
        </message>
        <message>
            <source>Communication activity</source>
            <translation>Hoạt động truyền thông</translation>
        </message>
        <message>
            <source>Choice about a conflict</source>
            <translation>Lựa chọn về một mục cần xem lại</translation>
        </message>
        <message>
            <source>The record of this conflict is not on this laptop.</source>
            <translation>Bản ghi của mục này không có trên máy này.</translation>
        </message>
        <message>
            <source>This conflict no longer exists.</source>
            <translation>Mục cần xem lại này không còn nữa.</translation>
        </message>
        <message>
            <source>This conflict was already settled, here or on another laptop.</source>
            <translation>Mục này đã được chọn xong rồi, trên máy này hoặc trên máy khác.</translation>
        </message>
        <message>
            <source>Item to check after a merge</source>
            <translation>Mục cần kiểm tra sau khi gộp thay đổi</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <location filename="../../desktop/ui/pages/dashboard.py" line="+145" />
            <location line="+172" />
            <source>Overview</source>
            <translation>Tổng quan</translation>
        </message>
        <message>
            <location line="-162" />
            <source>households in the register</source>
            <translation>hộ đang quản lý</translation>
        </message>
        <message>
            <location line="+1" />
            <source>people living in them</source>
            <translation>nhân khẩu hiện có</translation>
        </message>
        <message>
            <location line="+1" />
            <source>visits this month</source>
            <translation>lượt thăm hộ trong tháng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>population events on this month's slip</source>
            <translation>biến động dân số trong phiếu tháng này</translation>
        </message>
        <message>
            <location line="+1" />
            <source>villages</source>
            <translation>thôn</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Press Enter or double-click to open the household.</source>
            <translation>Nhấn Enter hoặc nhấp đúp chuột để mở hộ.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Due</source>
            <translation>Hạn</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Task</source>
            <translation>Việc</translation>
        </message>
        <message>
            <location line="-3" />
            <source>State</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Tasks</source>
            <translation>Việc cần làm</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nothing to do today: no task is due.</source>
            <translation>Hôm nay không có việc nào đến hạn.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Done</source>
            <translation>Đã &amp;xong</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Put off…</source>
            <translation>&amp;Hoãn lại…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;New task…</source>
            <translation>Thêm &amp;việc…</translation>
        </message>
        <message>
            <location line="+46" />
            <source>To do: {n} (overdue: {late}, due today: {today})</source>
            <translation>Việc cần làm: {n} (quá hạn: {late}, đến hạn hôm nay: {today})</translation>
        </message>
        <message>
            <location line="+25" />
            <source>A no-contact order ends</source>
            <translation>Quyết định cấm tiếp xúc hết hạn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Child protection: the support plan is due</source>
            <translation>Bảo vệ trẻ em: đến hạn lập kế hoạch hỗ trợ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Follow-up visit to {head}</source>
            <translation>Thăm lại hộ {head}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Visit a priority household ({head}): not visited for {days} days</source>
            <translation>Thăm hộ ưu tiên ({head}): đã {days} ngày chưa đến thăm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Newborn screening not recorded for {head}</source>
            <translation>Chưa ghi sàng lọc sơ sinh cho {head}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Child's support plan: {head}</source>
            <translation>Kế hoạch hỗ trợ trẻ em: {head}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prenatal screening not recorded for {head}</source>
            <translation>Chưa ghi nhận sàng lọc trước sinh cho {head}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Follow up a support case</source>
            <translation>Theo dõi trường hợp cần hỗ trợ</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Overdue</source>
            <translation>Quá hạn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Today</source>
            <translation>Hôm nay</translation>
        </message>
        <message>
            <location line="-102" />
            <source>Household no.</source>
            <translation>Số hộ</translation>
        </message>
    </context>
    <context>
        <name>DateEdit</name>
        <message>
            <location filename="../../desktop/ui/widgets/date_edit.py" line="+96" />
            <source>dd/mm/yyyy</source>
            <translation>nn/tt/nnnn</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose the day on a calendar (F4)</source>
            <translation>Chọn ngày trên lịch (F4)</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <location filename="../../desktop/demo/build.py" line="+83" />
            <source>The number of households must be between {min} and {max}.</source>
            <translation>Số hộ phải từ {min} đến {max}.</translation>
        </message>
        <message>
            <location line="+63" />
            <source>This profile already has {count} households; demo data only goes into an empty profile.</source>
            <translation>Sổ tay này đã có {count} hộ; dữ liệu mẫu chỉ được tạo trong sổ tay trống.</translation>
        </message>
    </context>
    <context>
        <name>DissolveDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/dissolve.py" line="+19" />
            <source>Dissolve household {code}</source>
            <translation>Xóa hộ số {code} khỏi sổ</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The household stays in the register as history, but no one can be added to it any more. Every member must first be recorded as moved out or deceased.</source>
            <translation>Hộ vẫn được giữ trong sổ để tra cứu, nhưng không thể thêm người vào hộ nữa. Trước đó, mọi thành viên phải được ghi là đã chuyển đi hoặc đã mất.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>e.g. the whole family moved to Hà Nội</source>
            <translation>ví dụ: cả gia đình chuyển ra Hà Nội</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Date</source>
            <translation>&amp;Ngày</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reason</source>
            <translation>Lý &amp;do</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Still living here: {names}.</source>
            <translation>Vẫn còn đang ở trong hộ: {names}.</translation>
        </message>
    </context>
    <context>
        <name>DomesticViolence</name>
        <message>
            <source>A referral goes from sent to received, then done or declined.</source>
            <translation>Việc chuyển gửi đi theo thứ tự: đã gửi → đã tiếp nhận → đã xử lý xong hoặc từ chối.</translation>
        </message>
        <message>
            <source>This referral is finished; its status cannot change.</source>
            <translation>Việc chuyển gửi này đã kết thúc; không đổi được tình trạng nữa.</translation>
        </message>
        <message>
            <source>Tick at least one act of violence.</source>
            <translation>Hãy đánh dấu ít nhất một hành vi bạo lực.</translation>
        </message>
        <message>
            <source>The number of times in the last 12 months must be between 0 and {max}.</source>
            <translation>Số lần trong 12 tháng qua phải từ 0 đến {max}.</translation>
        </message>
        <message>
            <source>Enter the first and the last day of the order.</source>
            <translation>Hãy nhập ngày bắt đầu và ngày kết thúc của quyết định.</translation>
        </message>
        <message>
            <source>The last day is before the first day.</source>
            <translation>Ngày kết thúc đang ở trước ngày bắt đầu.</translation>
        </message>
        <message>
            <source>The order cannot start before it was decided.</source>
            <translation>Quyết định không thể có hiệu lực trước ngày ra quyết định.</translation>
        </message>
        <message>
            <source>A no-contact order lasts at most {max} days per decision (Art. 25 of the Law on domestic violence); this one lasts {days}. To go on, record a new decision when it ends.</source>
            <translation>Mỗi quyết định cấm tiếp xúc chỉ kéo dài tối đa {max} ngày (Điều 25 Luật Phòng, chống bạo lực gia đình); quyết định này dài {days} ngày. Muốn tiếp tục, hãy ghi một quyết định mới khi quyết định này hết hạn.</translation>
        </message>
        <message>
            <source>The person must stay at least {min} m away (Decree 76/2023).</source>
            <translation>Người bị cấm tiếp xúc phải cách xa ít nhất {min} m (Nghị định 76/2023).</translation>
        </message>
        <message>
            <source>This referral no longer exists.</source>
            <translation>Việc chuyển gửi này không còn tồn tại.</translation>
        </message>
        <message>
            <source>Unknown act; choose from the list of the law.</source>
            <translation>Hành vi không có trong danh sách; hãy chọn theo danh sách của luật.</translation>
        </message>
        <message>
            <source>This is not a domestic-violence case.</source>
            <translation>Đây không phải là trường hợp bạo lực gia đình.</translation>
        </message>
    </context>
    <context>
        <name>DuplicateDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/duplicate.py" line="+31" />
            <source>Possible duplicate</source>
            <translation>Có thể bị trùng</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Already in the register:</source>
            <translation>Đã có trong sổ:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>People already registered</source>
            <translation>Những người đã có trong sổ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Date of birth</source>
            <translation>Ngày sinh</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Household no.</source>
            <translation>Số hộ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Village</source>
            <translation>Thôn</translation>
        </message>
        <message>
            <location line="+11" />
            <source>If this is a different person with the same name and year of birth, add anyway.</source>
            <translation>Nếu đây là một người khác, chỉ trùng họ tên và năm sinh, hãy chọn “Vẫn thêm”.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Add anyway</source>
            <translation>&amp;Vẫn thêm</translation>
        </message>
    </context>
    <context>
        <name>EventDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/event.py" line="+26" />
            <source>Record a population event — household {code}</source>
            <translation>Ghi biến động dân số — hộ số {code}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Kind of event</source>
            <translation>Loại biến động</translation>
        </message>
    </context>
    <context>
        <name>EventPages</name>
        <message>
            <source>&amp;Reporting month</source>
            <translation>Tháng báo cáo</translation>
        </message>
        <message>
            <source>not recorded</source>
            <translation>không ghi</translation>
        </message>
        <message>
            <source>&amp;Mother</source>
            <translation>&amp;Mẹ</translation>
        </message>
        <message>
            <source>&amp;Place of birth</source>
            <translation>Nơi sinh</translation>
        </message>
        <message>
            <source>Birth o&amp;rder (child no.)</source>
            <translation>C&amp;on thứ</translation>
        </message>
        <message>
            <source>e.g. Thạch Hà commune, Hà Tĩnh</source>
            <translation>ví dụ: xã Thạch Hà, Hà Tĩnh</translation>
        </message>
        <message>
            <source>Moved in o&amp;n</source>
            <translation>Ngà&amp;y chuyển đến</translation>
        </message>
        <message>
            <source>Came &amp;from</source>
            <translation>Ch&amp;uyển đến từ</translation>
        </message>
        <message>
            <source>Mem&amp;ber</source>
            <translation>Thành &amp;viên</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>&amp;Ngày</translation>
        </message>
        <message>
            <source>&amp;Partner's full name</source>
            <translation>Họ tên vợ/&amp;chồng</translation>
        </message>
        <message>
            <source>— not recorded —</source>
            <translation>— không ghi —</translation>
        </message>
        <message>
            <source>— choose a member —</source>
            <translation>— chọn thành viên —</translation>
        </message>
        <message>
            <source>Date of &amp;death</source>
            <translation>Ngày &amp;mất</translation>
        </message>
        <message>
            <source>&amp;Cause (if known)</source>
            <translation>&amp;Nguyên nhân (nếu biết)</translation>
        </message>
        <message>
            <source>Moved out o&amp;n</source>
            <translation>Ngày chuyển đ&amp;i</translation>
        </message>
        <message>
            <source>Moved &amp;to</source>
            <translation>Nơi &amp;chuyển đến</translation>
        </message>
        <message>
            <source>Choose the member this event is about.</source>
            <translation>Hãy chọn thành viên có biến động.</translation>
        </message>
        <message>
            <source>{name} (born {date})</source>
            <translation>{name} (sinh {date})</translation>
        </message>
        <message>
            <source>Result not yet known</source>
            <translation>Chưa có kết quả</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>Bình thường</translation>
        </message>
        <message>
            <source>At risk, referred</source>
            <translation>Có nguy cơ, đã chuyển tuyến</translation>
        </message>
        <message>
            <source>Not&amp;es</source>
            <translation>&amp;Ghi chú</translation>
        </message>
        <message>
            <source>Started o&amp;n</source>
            <translation>Ngày bắt đầ&amp;u</translation>
        </message>
        <message>
            <source>Stopped o&amp;n</source>
            <translation>Ngà&amp;y ngừng</translation>
        </message>
        <message>
            <source>Screened o&amp;n</source>
            <translation>Ngày &amp;sàng lọc</translation>
        </message>
        <message>
            <source>Checked up o&amp;n</source>
            <translation>Ngày &amp;khám</translation>
        </message>
        <message>
            <source>Pregnancy detected</source>
            <translation>Phát hiện mang thai</translation>
        </message>
        <message>
            <source>Pregnancy ended</source>
            <translation>Kết thúc thai kỳ</translation>
        </message>
        <message>
            <source>Contraceptive &amp;method</source>
            <translation>Biện pháp t&amp;ránh thai</translation>
        </message>
        <message>
            <source>&amp;Method stopped</source>
            <translation>Biện &amp;pháp đã ngừng</translation>
        </message>
        <message>
            <source>&amp;What happened</source>
            <translation>&amp;Diễn biến</translation>
        </message>
        <message>
            <source>Pregnancy n&amp;umber</source>
            <translation>Lần mang thai t&amp;hứ</translation>
        </message>
        <message>
            <source>&amp;Week of pregnancy</source>
            <translation>Tuần t&amp;hai</translation>
        </message>
        <message>
            <source>e.g. commune health station</source>
            <translation>ví dụ: trạm y tế xã</translation>
        </message>
        <message>
            <source>Where (&amp;place)</source>
            <translation>Đị&amp;a điểm</translation>
        </message>
        <message>
            <source>mm/yyyy</source>
            <translation>tt/nnnn</translation>
        </message>
        <message>
            <source>Nobody else lives in this household. After saving, record the end of the household with “Dissolve household” on its page.</source>
            <translation>Trong hộ không còn ai khác. Sau khi lưu, hãy ghi việc hộ chấm dứt bằng nút “Xóa hộ khỏi sổ” trên trang của hộ.</translation>
        </message>
        <message>
            <source>— choose the new head —</source>
            <translation>— chọn chủ hộ mới —</translation>
        </message>
        <message>
            <source>New h&amp;ead</source>
            <translation>C&amp;hủ hộ mới</translation>
        </message>
        <message>
            <source>{name} (born {date}), now: {relationship}</source>
            <translation>{name} (sinh {date}), hiện là: {relationship}</translation>
        </message>
        <message>
            <source>Nobody who stays is old enough to head the household ({age} or over). After saving, record where the children live now, for example by adding them to a relative's household.</source>
            <translation>Những người còn lại trong hộ đều chưa đủ tuổi làm chủ hộ (từ {age} tuổi). Sau khi lưu, hãy ghi nơi các cháu đang sống, ví dụ chuyển các cháu sang hộ của người thân.</translation>
        </message>
        <message>
            <source>{name} heads this household. Choose who heads it from now on: their relationship becomes “head”. Then check each member's relationship to the new head. If the whole household is leaving, record the other members first.</source>
            <translation>{name} là chủ hộ. Hãy chọn người làm chủ hộ từ nay: quan hệ của người đó sẽ thành “Chủ hộ”. Sau đó kiểm tra lại quan hệ của từng thành viên với chủ hộ mới. Nếu cả hộ chuyển đi, hãy ghi những thành viên khác trước.</translation>
        </message>
        <message>
            <source>Res&amp;ults</source>
            <translation>Kết &amp;quả</translation>
        </message>
        <message>
            <source>High risk</source>
            <translation>Nguy cơ cao</translation>
        </message>
        <message>
            <source>Not screened</source>
            <translation>Không sàng lọc</translation>
        </message>
    </context>
    <context>
        <name>Events</name>
        <message>
            <location filename="../../desktop/services/register/events.py" line="+48" />
            <source>Write the reporting month as YYYY-MM.</source>
            <translation>Ghi tháng báo cáo theo dạng YYYY-MM, ví dụ 2025-03.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The reporting month must be between the event's month and this month.</source>
            <translation>Tháng báo cáo phải nằm trong khoảng từ tháng xảy ra biến động đến tháng hiện tại.</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Only for a woman aged {low}–{high} on the date of the event.</source>
            <translation>Chỉ áp dụng cho phụ nữ từ {low} đến {high} tuổi vào ngày xảy ra biến động.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Only for a child under 1 year old on the date of the screening.</source>
            <translation>Chỉ áp dụng cho trẻ dưới 1 tuổi vào ngày sàng lọc.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Only for someone aged {age} or over on the date of the check-up.</source>
            <translation>Chỉ áp dụng cho người từ {age} tuổi trở lên vào ngày khám.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>This date is after the person died or moved out ({date}).</source>
            <translation>Ngày này ở sau ngày người này mất hoặc chuyển đi ({date}).</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Enter a number from {low} to {high}.</source>
            <translation>Hãy nhập một số từ {low} đến {high}.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Choose the contraceptive method.</source>
            <translation>Hãy chọn biện pháp tránh thai.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Unknown method; choose one from the list.</source>
            <translation>Biện pháp không có trong danh sách; hãy chọn một biện pháp trong danh sách.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose what happened.</source>
            <translation>Hãy chọn diễn biến.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Give the result of at least one condition that was screened.</source>
            <translation>Hãy cho biết kết quả của ít nhất một bệnh đã được sàng lọc.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>“{condition}” is not a condition of this screening; choose the conditions from the list.</source>
            <translation>“{condition}” không phải là bệnh thuộc lần sàng lọc này; hãy chọn bệnh trong danh sách.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The result “{result}” is unknown; a condition screened is either normal or at high risk.</source>
            <translation>Không rõ kết quả “{result}”; một bệnh đã sàng lọc chỉ có kết quả bình thường hoặc nguy cơ cao.</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <source>Could not save because of an unexpected error. Nothing was changed.</source>
            <translation>Không lưu được do có lỗi ngoài dự kiến. Dữ liệu chưa bị thay đổi.</translation>
        </message>
    </context>
    <context>
        <name>HouseholdCasesTab</name>
        <message>
            <location filename="../../desktop/ui/pages/household_cases.py" line="+47" />
            <source>Support cases</source>
            <translation>Trường hợp hỗ trợ</translation>
        </message>
    </context>
    <context>
        <name>HouseholdDetailPage</name>
        <message>
            <location filename="../../desktop/ui/pages/household_detail.py" line="+53" />
            <source>← &amp;Back to the list</source>
            <translation>← &amp;Quay lại danh sách</translation>
        </message>
        <message>
            <location line="+11" />
            <source>&amp;Edit household</source>
            <translation>&amp;Sửa hộ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Add member</source>
            <translation>&amp;Thêm thành viên</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit &amp;member</source>
            <translation>Sửa thành &amp;viên</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record &amp;event</source>
            <translation>Ghi &amp;biến động</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record &amp;visit</source>
            <translation>Ghi thăm &amp;hộ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Change &amp;history</source>
            <translation>&amp;Lịch sử thay đổi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Every change made to this household's record</source>
            <translation>Mọi thay đổi đã ghi đối với hồ sơ của hộ này</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dissol&amp;ve household</source>
            <translation>Xóa hộ &amp;khỏi sổ</translation>
        </message>
        <message>
            <source>&amp;Show case</source>
            <translation>X&amp;em trường hợp</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Members</source>
            <translation>Thành viên</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Categories</source>
            <translation>Diện hộ</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Population events</source>
            <translation>Biến động dân số</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Visits</source>
            <translation>Thăm hộ</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Add &amp;category</source>
            <translation>Thêm &amp;diện</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Remove category</source>
            <translation>&amp;Xóa diện</translation>
        </message>
        <message>
            <location line="+109" />
            <source>Support cases ({n})</source>
            <translation>Trường hợp hỗ trợ ({n})</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Support cases</source>
            <translation>Trường hợp hỗ trợ</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Household</source>
            <translation>Hộ gia đình</translation>
        </message>
        <message>
            <location line="+7" />
            <source>(no head recorded)</source>
            <translation>(chưa có chủ hộ)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Household {code} — {head}</source>
            <translation>Hộ số {code} — {head}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Dissolved on {date}: {reason}</source>
            <translation>Đã xóa khỏi sổ ngày {date}: {reason}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Members ({n})</source>
            <translation>Thành viên ({n})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Categories ({n})</source>
            <translation>Diện hộ ({n})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Population events ({n})</source>
            <translation>Biến động dân số ({n})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Visits ({n})</source>
            <translation>Lịch sử thăm hộ ({n})</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Edit member</source>
            <translation>Sửa thành viên</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Select a member in the list first.</source>
            <translation>Hãy chọn một thành viên trong danh sách trước.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Nobody lives here any more</source>
            <translation>Trong hộ không còn ai</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nobody lives in household {code} any more. If the household has ended, record its end with “Dissolve household”; if someone still lives there, add them as a member.</source>
            <translation>Hộ số {code} không còn ai sinh sống. Nếu hộ đã chấm dứt, hãy ghi bằng nút “Xóa hộ khỏi sổ”; nếu vẫn có người đang ở, hãy thêm họ làm thành viên.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>household {code}</source>
            <translation>hộ số {code}</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+4" />
            <location line="+7" />
            <source>Remove category</source>
            <translation>Xóa diện hộ</translation>
        </message>
        <message>
            <location line="-11" />
            <source>Select a category in the list first.</source>
            <translation>Hãy chọn một diện trong danh sách trước.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Remove “{name}” ({year}) from this household?</source>
            <translation>Xóa diện “{name}” ({year}) khỏi hộ này?</translation>
        </message>
        <message>
            <source>Support case</source>
            <translation>Trường hợp hỗ trợ</translation>
        </message>
        <message>
            <source>Select a case in the list first.</source>
            <translation>Hãy chọn một trường hợp trong danh sách trước.</translation>
        </message>
        <message>
            <source>Open a &amp;new case…</source>
            <translation>Mở trường hợp &amp;mới…</translation>
        </message>
        <message>
            <source>Open a new support case for the member selected in Members</source>
            <translation>Mở một trường hợp hỗ trợ mới cho người đang chọn ở mục Thành viên</translation>
        </message>
        <message>
            <source>Support cases are confidential: only users with the protection permission see what they are about and can open one.</source>
            <translation>Hồ sơ trợ giúp được bảo mật: chỉ người dùng có quyền bảo vệ mới xem được nội dung và mở được hồ sơ mới.</translation>
        </message>
        <message>
            <source>Opening a case needs the protection permission; ask a commune officer who holds it.</source>
            <translation>Mở hồ sơ cần có quyền bảo vệ; hãy nhờ cán bộ xã có quyền này.</translation>
        </message>
    </context>
    <context>
        <name>HouseholdDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/household.py" line="+31" />
            <source>Edit household {code}</source>
            <translation>Sửa thông tin hộ số {code}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>New household</source>
            <translation>Thêm hộ mới</translation>
        </message>
        <message>
            <location line="+6" />
            <source>e.g. 012 or 012.1</source>
            <translation>ví dụ: 012 hoặc 012.1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>— choose a village —</source>
            <translation>— chọn thôn —</translation>
        </message>
        <message>
            <location line="+4" />
            <source>e.g. Xóm 3, next to the cultural house</source>
            <translation>ví dụ: Xóm 3, cạnh nhà văn hóa</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Household &amp;no.</source>
            <translation>&amp;Số hộ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Village</source>
            <translation>&amp;Thôn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Address</source>
            <translation>Đị&amp;a chỉ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Phone</source>
            <translation>Điện t&amp;hoại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>N&amp;otes</source>
            <translation>Gh&amp;i chú</translation>
        </message>
    </context>
    <context>
        <name>HouseholdListModel</name>
        <message>
            <location filename="../../desktop/ui/models/household_list.py" line="+123" />
            <source>Dissolved household</source>
            <translation>Hộ đã xóa khỏi sổ</translation>
        </message>
        <message>
            <location line="+6" />
            <source>(no head recorded)</source>
            <translation>(chưa có chủ hộ)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{name} ({relationship})</source>
            <translation>{name} ({relationship})</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Household no.</source>
            <translation>Số hộ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Head of household</source>
            <translation>Chủ hộ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Matched member</source>
            <translation>Khớp với</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Village</source>
            <translation>Thôn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Members</source>
            <translation>Số người</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Categories</source>
            <translation>Diện</translation>
        </message>
    </context>
    <context>
        <name>HouseholdListPage</name>
        <message>
            <location filename="../../desktop/ui/pages/households.py" line="+37" />
            <location line="+15" />
            <source>Households</source>
            <translation>Hộ gia đình</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Search households</source>
            <translation>Tìm hộ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search by name, household no. or address — accents not needed</source>
            <translation>Tìm theo họ tên, số hộ hoặc địa chỉ — không cần gõ dấu</translation>
        </message>
        <message>
            <location line="+3" />
            <source>All villages</source>
            <translation>Tất cả các thôn</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;New household</source>
            <translation>&amp;Thêm hộ mới</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New household (Ctrl+N)</source>
            <translation>Thêm hộ mới (Ctrl+N)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Open</source>
            <translation>&amp;Mở hộ</translation>
        </message>
        <message>
            <location line="+98" />
            <source>First {n} matching households; type more to narrow</source>
            <translation>{n} hộ khớp đầu tiên; gõ thêm để thu hẹp</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n} household(s) found</source>
            <translation>Tìm thấy {n} hộ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n} household(s)</source>
            <translation>{n} hộ</translation>
        </message>
    </context>
    <context>
        <name>HouseholdTables</name>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Relationship</source>
            <translation>Quan hệ với chủ hộ</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Giới tính</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Ngày sinh</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Tuổi</translation>
        </message>
        <message>
            <source>Citizen ID</source>
            <translation>Số định danh cá nhân</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Diện hộ</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Năm</translation>
        </message>
        <message>
            <source>Decision no.</source>
            <translation>Số quyết định</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Biến động</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Người</translation>
        </message>
        <message>
            <source>Reporting month</source>
            <translation>Tháng báo cáo</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Chi tiết</translation>
        </message>
        <message>
            <source>Collaborator</source>
            <translation>Cộng tác viên</translation>
        </message>
        <message>
            <source>People met</source>
            <translation>Người được gặp</translation>
        </message>
        <message>
            <source>Topics</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Hẹn thăm lại</translation>
        </message>
        <message>
            <source>{status} on {date}</source>
            <translation>{status} ngày {date}</translation>
        </message>
        <message>
            <source>born at: {place}</source>
            <translation>nơi sinh: {place}</translation>
        </message>
        <message>
            <source>child no. {n}</source>
            <translation>con thứ {n}</translation>
        </message>
        <message>
            <source>from: {place}</source>
            <translation>từ: {place}</translation>
        </message>
        <message>
            <source>to: {place}</source>
            <translation>đến: {place}</translation>
        </message>
        <message>
            <source>cause: {cause}</source>
            <translation>nguyên nhân: {cause}</translation>
        </message>
        <message>
            <source>partner: {name}</source>
            <translation>vợ/chồng: {name}</translation>
        </message>
        <message>
            <source>Confidential content</source>
            <translation>Nội dung bảo mật</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Đang mở</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Đã đóng</translation>
        </message>
        <message>
            <source>Opened on</source>
            <translation>Ngày mở</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Trường hợp</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Người phụ trách</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>method: {method}</source>
            <translation>biện pháp: {method}</translation>
        </message>
        <message>
            <source>pregnancy no. {n}</source>
            <translation>lần mang thai thứ {n}</translation>
        </message>
        <message>
            <source>week {n}</source>
            <translation>tuần thứ {n}</translation>
        </message>
        <message>
            <source>at: {place}</source>
            <translation>tại: {place}</translation>
        </message>
        <message>
            <source>Former head</source>
            <translation>Chủ hộ cũ</translation>
        </message>
        <message>
            <source>Residence</source>
            <translation>Tình trạng cư trú</translation>
        </message>
        <message>
            <source>Living status</source>
            <translation>Hiện trạng</translation>
        </message>
        <message>
            <source>Poverty standard</source>
            <translation>Chuẩn nghèo</translation>
        </message>
    </context>
    <context>
        <name>Households</name>
        <message>
            <location filename="../../desktop/services/documents/a0_sheet.py" line="+81" />
            <location filename="../../desktop/services/review.py" line="+281" />
            <source>This household no longer exists.</source>
            <translation>Hộ này không còn tồn tại.</translation>
        </message>
        <message>
            <source>Choose the village of this household.</source>
            <translation>Hãy chọn thôn của hộ.</translation>
        </message>
        <message>
            <source>Household number {code} is already used in this commune.</source>
            <translation>Số hộ {code} đã được dùng trong xã này.</translation>
        </message>
        <message>
            <source>This category entry no longer exists.</source>
            <translation>Diện hộ này không còn trong sổ.</translation>
        </message>
        <message>
            <source>{n} member(s) still live here; record them as moved out or dead first.</source>
            <translation>Còn {n} người đang ở trong hộ; hãy ghi họ đã chuyển đi hoặc đã mất trước.</translation>
        </message>
        <message>
            <source>This household already has that category for {year}.</source>
            <translation>Hộ đã có diện này trong năm {year}.</translation>
        </message>
        <message>
            <source>Choose the poverty standard the decision was made under.</source>
            <translation>Hãy chọn chuẩn nghèo mà quyết định căn cứ.</translation>
        </message>
        <message>
            <source>Only a poor or near-poor decision names a poverty standard.</source>
            <translation>Chỉ quyết định công nhận hộ nghèo, hộ cận nghèo mới ghi chuẩn nghèo.</translation>
        </message>
        <message>
            <source>The standard of {decree} applies to {first}–{last}, not to {year}.</source>
            <translation>Chuẩn nghèo theo {decree} áp dụng cho các năm {first}–{last}, không áp dụng cho năm {year}.</translation>
        </message>
    </context>
    <context>
        <name>IntakeTab</name>
        <message>
            <location filename="../../desktop/ui/dialogs/case/intake.py" line="+107" />
            <source>&amp;Done so far</source>
            <translation>&amp;Việc đã làm</translation>
        </message>
        <message>
            <location line="+14" />
            <source>hh:mm</source>
            <translation>giờ:phút</translation>
        </message>
        <message>
            <location line="+4" />
            <source>e.g. at home, at school, on the way to school</source>
            <translation>vd. tại nhà, ở trường, trên đường đi học</translation>
        </message>
        <message>
            <location line="+9" />
            <source>What is happening to the child now</source>
            <translation>Hiện trẻ đang gặp chuyện gì</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What may happen to the child without help</source>
            <translation>Điều có thể xảy ra với trẻ nếu không được can thiệp</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Who looks after the child now</source>
            <translation>Ai đang trực tiếp chăm sóc trẻ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Income, housing, who lives with the child</source>
            <translation>Thu nhập, nhà ở, những ai sống cùng trẻ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Steps already taken to keep the child safe</source>
            <translation>Những việc đã làm để bảo đảm an toàn cho trẻ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save &amp;intake report</source>
            <translation>Lưu p&amp;hiếu tiếp nhận</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Sou&amp;rce</source>
            <translation>&amp;Nguồn tin</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Target group</source>
            <translation>Trẻ &amp;em thuộc đối tượng</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Received &amp;at</source>
            <translation>Tiếp nhận &amp;lúc</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Where it &amp;happened</source>
            <translation>Nơi &amp;xảy ra</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Child</source>
            <translation>Trẻ em</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Situation &amp;now</source>
            <translation>Tình trạng hiện n&amp;ay</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Likely consequences</source>
            <translation>Hậu &amp;quả nếu không can thiệp</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Father's name</source>
            <translation>Họ tên &amp;bố</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Father's a&amp;ge</source>
            <translation>Tuổ&amp;i bố</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Father's &amp;occupation</source>
            <translation>Nghề nghiệ&amp;p bố</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Mother's name</source>
            <translation>Họ tên &amp;mẹ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mother's ag&amp;e</source>
            <translation>&amp;Tuổi mẹ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mother's occ&amp;upation</source>
            <translation>N&amp;ghề nghiệp mẹ</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Looked after b&amp;y</source>
            <translation>Người chăm &amp;sóc</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Family &amp;situation</source>
            <translation>Hoàn &amp;cảnh gia đình</translation>
        </message>
        <message>
            <location line="+11" />
            <source>How the report came in</source>
            <translation>Tiếp nhận thông tin</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Who reported it is recorded on the People tab (they may stay anonymous).</source>
            <translation>Người báo tin được ghi ở thẻ Người liên quan (có thể giấu tên).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The child</source>
            <translation>Trẻ em</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name, date of birth and sex are those of the register.</source>
            <translation>Họ tên, ngày sinh và giới tính lấy theo sổ hộ.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Parents and carer</source>
            <translation>Cha mẹ và người chăm sóc</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What was done</source>
            <translation>Những việc đã làm</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The case is closed: the intake report can no longer be changed.</source>
            <translation>Hồ sơ đã đóng: không sửa được phiếu tiếp nhận nữa.</translation>
        </message>
        <message>
            <location line="+40" />
            <source>on {date}, the day the case was opened</source>
            <translation>ngày {date}, ngày mở hồ sơ</translation>
        </message>
        <message>
            <location line="+100" />
            <source>Saved.</source>
            <translation>Đã lưu.</translation>
        </message>
    </context>
    <context>
        <name>IssuingBody</name>
        <message>
            <source>Use letters and digits only, with a dash between parts, e.g. TYT or UBND.</source>
            <translation>Chỉ dùng chữ cái và chữ số, giữa các phần có dấu gạch ngang, ví dụ TYT hoặc UBND.</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <location filename="../../desktop/ui/lock.py" line="+133" />
            <source>{app} is locked</source>
            <translation>{app} đang khóa</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Logged in: {name} — {role}</source>
            <translation>Đang đăng nhập: {name} — {role}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The notebook was locked so that nobody can read it while you are away. Type your passphrase to go on where you left off.</source>
            <translation>Sổ tay đã được khóa để không ai xem được khi bạn vắng mặt. Hãy nhập mật khẩu để làm tiếp công việc đang dở.</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+1" />
            <source>Passphrase</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Log &amp;out</source>
            <translation>Đăng &amp;xuất</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Unlock</source>
            <translation>&amp;Mở khóa</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Type your passphrase.</source>
            <translation>Hãy nhập mật khẩu.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/login.py" line="+47" />
            <source>The notebook could not be opened because of an unexpected error. Details are in the log file.</source>
            <translation>Không mở được sổ tay do có lỗi ngoài dự kiến. Chi tiết được ghi trong tệp nhật ký.</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Log in — {app}</source>
            <translation>Đăng nhập — {app}</translation>
        </message>
        <message>
            <location line="+27" />
            <source>This notebook is protected. Choose your name and type your passphrase.</source>
            <translation>Sổ tay này được bảo vệ bằng mật khẩu. Hãy chọn tên của bạn và nhập mật khẩu.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;User</source>
            <translation>&amp;Người dùng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Passphrase</source>
            <translation>&amp;Mật khẩu</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Forgot your passphrase?</source>
            <translation>&amp;Quên mật khẩu?</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Quit</source>
            <translation>&amp;Thoát</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Log in</source>
            <translation>Đăn&amp;g nhập</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Recovery &amp;code</source>
            <translation>Mã &amp;khôi phục</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Back</source>
            <translation>Quay &amp;lại</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Continue</source>
            <translation>Tiếp tụ&amp;c</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Type your passphrase.</source>
            <translation>Hãy nhập mật khẩu.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Type the recovery code you wrote down or printed when the notebook was protected. You will then choose a new passphrase for {user}.</source>
            <translation>Hãy nhập mã khôi phục mà bạn đã chép lại hoặc in ra khi đặt mật khẩu cho sổ tay. Sau đó bạn sẽ đặt mật khẩu mới cho {user}.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Forgot your passphrase?</source>
            <translation>Quên mật khẩu?</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Overview</source>
            <translation>Tổng quan</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>Hộ gia đình</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Thăm hộ</translation>
        </message>
        <message>
            <source>Communication</source>
            <translation>Truyền thông</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Báo cáo</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Cài đặt</translation>
        </message>
        <message>
            <source>Lock now</source>
            <translation>Khóa ngay</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="+289" />
            <source>{commune} · {name} — {role}</source>
            <translation>{commune} · {name} — {role}</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Unexpected error</source>
            <translation>Lỗi ngoài dự kiến</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Something went wrong while reading the data:
{error}</source>
            <translation>Có lỗi khi đọc dữ liệu:
{error}</translation>
        </message>
        <message>
            <source>Needs review</source>
            <translation>Cần xem lại</translation>
        </message>
    </context>
    <context>
        <name>ManualTaskDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/task.py" line="+54" />
            <source>New task</source>
            <translation>Thêm việc cần làm</translation>
        </message>
        <message>
            <location line="+3" />
            <source>e.g. bring the leaflets to Thôn Đông Hà</source>
            <translation>ví dụ: mang tờ rơi đến Thôn Đông Hà</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;What</source>
            <translation>&amp;Việc cần làm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;By</source>
            <translation>&amp;Hạn</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The day a task is due cannot be in the past.</source>
            <translation>Hạn của việc không thể là ngày đã qua.</translation>
        </message>
    </context>
    <context>
        <name>MeasureDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/case/forms.py" line="-124" />
            <source>Apply a measure</source>
            <translation>Áp dụng biện pháp</translation>
        </message>
        <message>
            <location line="+8" />
            <source>e.g. 12/QĐ-UBND</source>
            <translation>ví dụ: 12/QĐ-UBND</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Who makes sure it is respected</source>
            <translation>Người theo dõi việc chấp hành</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Measure</source>
            <translation>Biện &amp;pháp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Decision no.</source>
            <translation>Số &amp;quyết định</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decided &amp;on</source>
            <translation>Ngày &amp;ra quyết định</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;First day</source>
            <translation>Ngày &amp;bắt đầu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Last day</source>
            <translation>Ngày &amp;kết thúc</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep a&amp;way at least</source>
            <translation>&amp;Cách xa ít nhất</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Supervised by</source>
            <translation>Người &amp;giám sát</translation>
        </message>
        <message>
            <location line="+1" />
            <source>N&amp;otes</source>
            <translation>Gh&amp;i chú</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/member.py" line="+32" />
            <source>Edit member — household {code}</source>
            <translation>Sửa thông tin thành viên — hộ số {code}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add member — household {code}</source>
            <translation>Thêm thành viên — hộ số {code}</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Living status: {status}</source>
            <translation>Hiện trạng: {status}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This is a real change (not a typing correction): report it on the monthly slip</source>
            <translation>Đây là thay đổi thực tế (không phải sửa lỗi nhập): ghi vào phiếu báo cáo tháng</translation>
        </message>
    </context>
    <context>
        <name>Monthly</name>
        <message>
            <source>Write the month as YYYY-MM, e.g. 2026-10.</source>
            <translation>Hãy ghi tháng theo dạng YYYY-MM, ví dụ 2026-10.</translation>
        </message>
    </context>
    <context>
        <name>NewPassphraseDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/passphrase.py" line="-88" />
            <source>Choose a new passphrase</source>
            <translation>Đặt mật khẩu mới</translation>
        </message>
        <message>
            <location line="+7" />
            <source>You opened the notebook with the recovery code. Choose a new passphrase for {user} now; the old passphrase and the recovery code you used will stop working, and a new recovery code is shown next. If you close this window, the app closes and the notebook stays locked.</source>
            <translation>Bạn đã mở sổ tay bằng mã khôi phục. Hãy đặt mật khẩu mới cho {user} ngay bây giờ; mật khẩu cũ và mã khôi phục vừa dùng sẽ không dùng được nữa, và mã khôi phục mới sẽ hiện ra ngay sau đó. Nếu đóng cửa sổ này, ứng dụng sẽ đóng và sổ tay vẫn bị khóa.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;New passphrase</source>
            <translation>&amp;Mật khẩu mới</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Repeat it</source>
            <translation>&amp;Nhập lại</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Save and open the notebook</source>
            <translation>&amp;Lưu và mở sổ tay</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Close the app</source>
            <translation>&amp;Thoát ứng dụng</translation>
        </message>
    </context>
    <context>
        <name>NoticeBar</name>
        <message>
            <location filename="../../desktop/ui/pages/dashboard.py" line="-75" />
            <source>Got it</source>
            <translation>Đã hiểu</translation>
        </message>
    </context>
    <context>
        <name>Parties</name>
        <message>
            <source>This person is no longer listed in the case.</source>
            <translation>Người này không còn trong danh sách của trường hợp.</translation>
        </message>
        <message>
            <source>The year of birth must be between {low} and {high}.</source>
            <translation>Năm sinh phải từ {low} đến {high}.</translation>
        </message>
        <message>
            <source>Choose a person of the register, or write the name of someone from outside it.</source>
            <translation>Hãy chọn một người trong sổ hộ, hoặc ghi họ tên nếu là người ngoài sổ.</translation>
        </message>
        <message>
            <source>Only the person who reported it can stay anonymous.</source>
            <translation>Chỉ người báo tin mới được giấu tên.</translation>
        </message>
        <message>
            <source>An anonymous reporter has no name, no link and no contact.</source>
            <translation>Người báo tin giấu tên thì không ghi họ tên, không chọn người trong sổ và không ghi liên hệ.</translation>
        </message>
        <message>
            <source>This person is not in the register.</source>
            <translation>Người này không có trong sổ hộ.</translation>
        </message>
    </context>
    <context>
        <name>Passphrase</name>
        <message>
            <source>&amp;Show what I type</source>
            <translation>Hiện các &amp;ký tự đang gõ</translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>Bây giờ bạn có thể thử lại.</translation>
        </message>
        <message>
            <source>Type the same passphrase again, to be sure of it.</source>
            <translation>Gõ lại mật khẩu một lần nữa cho chắc chắn.</translation>
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation>Hai mật khẩu không giống nhau.</translation>
        </message>
    </context>
    <context>
        <name>PdfPreview</name>
        <message>
            <location filename="../../desktop/ui/widgets/pdf_preview.py" line="+240" />
            <source>The preview could not be drawn: {error}</source>
            <translation>Không hiển thị được bản xem trước: {error}</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Page {page} of {pages}</source>
            <translation>Trang {page}/{pages}</translation>
        </message>
    </context>
    <context>
        <name>People</name>
        <message>
            <source>{name} born in {year} may already be registered. Check before adding again.</source>
            <translation>{name}, sinh năm {year}, có thể đã có trong sổ. Hãy kiểm tra trước khi thêm lần nữa.</translation>
        </message>
        <message>
            <source>This household no longer exists.</source>
            <translation>Hộ này không còn tồn tại.</translation>
        </message>
        <message>
            <source>This household was dissolved; add people to another one.</source>
            <translation>Hộ này đã xóa khỏi sổ; hãy thêm người vào hộ khác.</translation>
        </message>
        <message>
            <source>This person is no longer in the register.</source>
            <translation>Người này không còn trong sổ.</translation>
        </message>
        <message>
            <source>{name} is already the head of this household. Change that first.</source>
            <translation>{name} đang là chủ hộ của hộ này. Hãy đổi quan hệ của người đó trước.</translation>
        </message>
        <message>
            <source>A citizen ID number has 12 digits.</source>
            <translation>Số định danh cá nhân phải gồm đúng 12 chữ số.</translation>
        </message>
        <message>
            <source>The date of birth is after the recorded date of death.</source>
            <translation>Ngày sinh sau ngày mất đã ghi.</translation>
        </message>
        <message>
            <source>Choose where the child was born.</source>
            <translation>Hãy chọn nơi sinh của trẻ.</translation>
        </message>
        <message>
            <source>The birth order must be between 1 and 20.</source>
            <translation>Con thứ phải từ 1 đến 20.</translation>
        </message>
        <message>
            <source>Below the legal age of marriage ({age}) on that date.</source>
            <translation>Vào ngày đó chưa đủ tuổi kết hôn theo luật ({age} tuổi).</translation>
        </message>
        <message>
            <source>{name} is no longer living in this household.</source>
            <translation>{name} không còn ở trong hộ này.</translation>
        </message>
        <message>
            <source>Choose a different household.</source>
            <translation>Hãy chọn một hộ khác.</translation>
        </message>
        <message>
            <source>Choose the mother among the women of this household.</source>
            <translation>Hãy chọn người mẹ trong số phụ nữ của hộ.</translation>
        </message>
        <message>
            <source>The child cannot be born before the mother.</source>
            <translation>Trẻ không thể sinh trước ngày sinh của mẹ.</translation>
        </message>
        <message>
            <source>Only when the head leaves is a new head chosen.</source>
            <translation>Chỉ chọn chủ hộ mới khi chủ hộ mất hoặc chuyển đi.</translation>
        </message>
        <message>
            <source>Nobody who stays in this household can head it.</source>
            <translation>Không ai còn lại trong hộ có thể làm chủ hộ.</translation>
        </message>
        <message>
            <source>Choose who heads the household now.</source>
            <translation>Hãy chọn người làm chủ hộ từ nay.</translation>
        </message>
        <message>
            <source>Choose the new head among the members who still live here.</source>
            <translation>Hãy chọn chủ hộ mới trong số thành viên còn ở trong hộ.</translation>
        </message>
        <message>
            <source>{name} no longer lives in this household and cannot be its head.</source>
            <translation>{name} không còn ở trong hộ nên không thể làm chủ hộ.</translation>
        </message>
    </context>
    <context>
        <name>Periods</name>
        <message>
            <source>This period has not begun yet: its report can be made from {first}, with the figures of that day.</source>
            <translation>Kỳ báo cáo này chưa bắt đầu: từ ngày {first} mới làm được báo cáo, với số liệu của ngày hôm đó.</translation>
        </message>
    </context>
    <context>
        <name>PersonFields</name>
        <message>
            <source>e.g. HT4424212345678</source>
            <translation>ví dụ: HT4424212345678</translation>
        </message>
        <message>
            <source>12 digits</source>
            <translation>12 chữ số</translation>
        </message>
        <message>
            <source>Full &amp;name</source>
            <translation>&amp;Họ và tên</translation>
        </message>
        <message>
            <source>&amp;Sex</source>
            <translation>&amp;Giới tính</translation>
        </message>
        <message>
            <source>Date of &amp;birth</source>
            <translation>Ngày &amp;sinh</translation>
        </message>
        <message>
            <source>&amp;Relationship to head</source>
            <translation>&amp;Quan hệ với chủ hộ</translation>
        </message>
        <message>
            <source>&amp;Ethnic group</source>
            <translation>&amp;Dân tộc</translation>
        </message>
        <message>
            <source>E&amp;ducation</source>
            <translation>T&amp;rình độ học vấn</translation>
        </message>
        <message>
            <source>&amp;Marital status</source>
            <translation>Tình trạng hôn &amp;nhân</translation>
        </message>
        <message>
            <source>Residence s&amp;tatus</source>
            <translation>Tình trạng cư &amp;trú</translation>
        </message>
        <message>
            <source>Health &amp;insurance no.</source>
            <translation>Số thẻ &amp;BHYT</translation>
        </message>
        <message>
            <source>Citizen &amp;ID no.</source>
            <translation>Số định danh &amp;cá nhân</translation>
        </message>
        <message>
            <source>N&amp;otes</source>
            <translation>Gh&amp;i chú</translation>
        </message>
    </context>
    <context>
        <name>Pickers</name>
        <message>
            <location filename="../../desktop/ui/dialogs/case/party.py" line="+68" />
            <location filename="../../desktop/ui/widgets/pickers.py" line="+60" />
            <source>— choose —</source>
            <translation>— chọn —</translation>
        </message>
    </context>
    <context>
        <name>PlanItemDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/case/forms.py" line="+123" />
            <source>Add a plan item</source>
            <translation>Thêm việc vào kế hoạch hỗ trợ</translation>
        </message>
        <message>
            <location line="+5" />
            <source>e.g. Enrol the child at the commune school</source>
            <translation>ví dụ: làm thủ tục cho cháu đi học ở trường xã</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A person or a body</source>
            <translation>Một người hoặc một cơ quan</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;What</source>
            <translation>&amp;Việc cần làm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Who</source>
            <translation>&amp;Người thực hiện</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;By when</source>
            <translation>&amp;Hạn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>N&amp;otes</source>
            <translation>Gh&amp;i chú</translation>
        </message>
    </context>
    <context>
        <name>ProfileLock</name>
        <message>
            <location filename="../../desktop/services/profile/process_lock.py" line="+38" />
            <source>The notebook in {home} is open in another window or used by another command; close it, then try again.</source>
            <translation>Sổ tay ở {home} đang mở ở cửa sổ khác hoặc đang được một lệnh khác dùng; hãy đóng nó rồi thử lại.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Cannot write to the folder {home}.</source>
            <translation>Không ghi được vào thư mục {home}.</translation>
        </message>
    </context>
    <context>
        <name>ProtectDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/protect.py" line="+20" />
            <source>Protect this notebook with a passphrase</source>
            <translation>Bảo vệ sổ tay này bằng mật khẩu</translation>
        </message>
        <message>
            <location line="+7" />
            <source>This notebook was made by an earlier version of the app and is not protected yet: anyone who copies its folder can read it. Choose a login name and a passphrase now. The notebook is then encrypted, and nobody can open it without the passphrase or the recovery code.</source>
            <translation>Sổ tay này được tạo bằng phiên bản cũ của ứng dụng và chưa được bảo vệ: ai sao chép thư mục của sổ tay cũng đọc được. Hãy chọn tên đăng nhập và mật khẩu ngay bây giờ. Sau đó sổ tay sẽ được mã hóa, không ai mở được nếu không có mật khẩu hoặc mã khôi phục.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>&amp;Login name</source>
            <translation>&amp;Tên đăng nhập</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Passphrase</source>
            <translation>&amp;Mật khẩu</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Repeat passphrase</source>
            <translation>&amp;Nhập lại mật khẩu</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Protect the notebook</source>
            <translation>&amp;Bảo vệ sổ tay</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <location filename="../../desktop/ui/qt_strings.py" line="+129" />
            <source>Folder</source>
            <translation>Thư mục</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File Folder</source>
            <translation>Thư mục</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 File</source>
            <translation>Tệp %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drive</source>
            <translation>Ổ đĩa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shortcut</source>
            <translation>Lối tắt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alias</source>
            <translation>Bí danh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown</source>
            <translation>Không rõ</translation>
        </message>
    </context>
    <context>
        <name>QAbstractSpinBox</name>
        <message>
            <location line="-81" />
            <source>&amp;Select All</source>
            <translation>&amp;Chọn tất cả</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Step up</source>
            <translation>&amp;Tăng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Step &amp;down</source>
            <translation>&amp;Giảm</translation>
        </message>
    </context>
    <context>
        <name>QCalendarWidget</name>
        <message>
            <location line="+6" />
            <source>Previous Month</source>
            <translation>Tháng trước</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next Month</source>
            <translation>Tháng sau</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <location line="+6" />
            <source>&amp;Look in:</source>
            <translation>&amp;Xem trong:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Look in:</source>
            <translation>Xem trong:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File &amp;name:</source>
            <translation>&amp;Tên tệp:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Files of &amp;type:</source>
            <translation>&amp;Loại tệp:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Files of type:</source>
            <translation>Loại tệp:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Directory:</source>
            <translation>Thư mục:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Open</source>
            <translation>&amp;Mở</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Save</source>
            <translation>&amp;Lưu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Choose</source>
            <translation>&amp;Chọn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open</source>
            <translation>Mở</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save As</source>
            <translation>Lưu thành</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Find Directory</source>
            <translation>Chọn thư mục</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Back</source>
            <translation>Quay lại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Go back</source>
            <translation>Quay lại thư mục trước</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forward</source>
            <translation>Đi tiếp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Go forward</source>
            <translation>Đi tới thư mục sau</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Parent Directory</source>
            <translation>Thư mục cha</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Go to the parent directory</source>
            <translation>Lên thư mục chứa thư mục này</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create New Folder</source>
            <translation>Tạo thư mục mới</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create a New Folder</source>
            <translation>Tạo một thư mục mới</translation>
        </message>
        <message>
            <location line="+1" />
            <source>List View</source>
            <translation>Xem dạng danh sách</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change to list view mode</source>
            <translation>Chuyển sang xem dạng danh sách</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Detail View</source>
            <translation>Xem chi tiết</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change to detail view mode</source>
            <translation>Chuyển sang xem chi tiết</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sidebar</source>
            <translation>Thanh bên</translation>
        </message>
        <message>
            <location line="+1" />
            <source>List of places and bookmarks</source>
            <translation>Danh sách nơi lưu và dấu trang</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recent Places</source>
            <translation>Nơi mở gần đây</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Files</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Directories</source>
            <translation>Thư mục</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All Files (*)</source>
            <translation>Mọi tệp (*)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All files (*)</source>
            <translation>Mọi tệp (*)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New Folder</source>
            <translation>Thư mục mới</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;New Folder</source>
            <translation>Thư mục &amp;mới</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Rename</source>
            <translation>Đổi &amp;tên</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Delete</source>
            <translation>&amp;Xóa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove</source>
            <translation>Bỏ khỏi danh sách</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show &amp;hidden files</source>
            <translation>&amp;Hiện các tệp ẩn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show </source>
            <translation>Hiện </translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 already exists.
Do you want to replace it?</source>
            <translation>Đã có tệp %1.
Bạn có muốn ghi đè lên tệp đó không?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1
File not found.
Please verify the correct file name was given.</source>
            <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
            <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Are you sure you want to delete '%1'?</source>
            <translation>Bạn có chắc muốn xóa “%1” không?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>'%1' is write protected.
Do you want to delete it anyway?</source>
            <translation>“%1” đang được bảo vệ, không cho ghi.
Bạn vẫn muốn xóa chứ?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Could not delete directory.</source>
            <translation>Không xóa được thư mục.</translation>
        </message>
    </context>
    <context>
        <name>QFileSystemModel</name>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Size</source>
            <translation>Kích thước</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type</source>
            <translation>Loại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date Modified</source>
            <translation>Ngày sửa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Computer</source>
            <translation>Máy tính</translation>
        </message>
        <message>
            <location line="+1" />
            <source>My Computer</source>
            <translation>Máy tính</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invalid filename</source>
            <translation>Tên tệp không dùng được</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&lt;b&gt;The name "%1" cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
            <translation>&lt;b&gt;Không dùng được tên “%1”.&lt;/b&gt;&lt;p&gt;Hãy đặt tên khác, ngắn hơn hoặc không có dấu câu.</translation>
        </message>
    </context>
    <context>
        <name>QLineEdit</name>
        <message>
            <location line="-90" />
            <source>&amp;Undo</source>
            <translation>&amp;Hoàn tác</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Redo</source>
            <translation>&amp;Làm lại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cu&amp;t</source>
            <translation>Cắ&amp;t</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Copy</source>
            <translation>Sao &amp;chép</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Paste</source>
            <translation>&amp;Dán</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Select All</source>
            <translation>Chọn tất cả</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <location line="+20" />
            <source>Show Details...</source>
            <translation>Xem chi tiết...</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hide Details...</source>
            <translation>Ẩn chi tiết...</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <location line="-48" />
            <source>OK</source>
            <translation>Đồng ý</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>&amp;Lưu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save All</source>
            <translation>Lưu tất cả</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open</source>
            <translation>Mở</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Yes</source>
            <translation>&amp;Có</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Yes to &amp;All</source>
            <translation>Có với &amp;tất cả</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;No</source>
            <translation>&amp;Không</translation>
        </message>
        <message>
            <location line="+1" />
            <source>N&amp;o to All</source>
            <translation>Không với tất &amp;cả</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Abort</source>
            <translation>Hủy bỏ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retry</source>
            <translation>Thử lại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ignore</source>
            <translation>Bỏ qua</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Discard</source>
            <translation>Không lưu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Help</source>
            <translation>Trợ giúp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Apply</source>
            <translation>Áp dụng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reset</source>
            <translation>Đặt lại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore Defaults</source>
            <translation>Khôi phục mặc định</translation>
        </message>
    </context>
    <context>
        <name>QWidgetTextControl</name>
        <message>
            <location line="+14" />
            <source>&amp;Undo</source>
            <translation>&amp;Hoàn tác</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Redo</source>
            <translation>&amp;Làm lại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cu&amp;t</source>
            <translation>Cắ&amp;t</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Copy</source>
            <translation>Sao &amp;chép</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Paste</source>
            <translation>&amp;Dán</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Select All</source>
            <translation>Chọn tất cả</translation>
        </message>
    </context>
    <context>
        <name>RecoveryCodeDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/recovery_code.py" line="+51" />
            <location line="+6" />
            <source>Your recovery code</source>
            <translation>Mã khôi phục của bạn</translation>
        </message>
        <message>
            <location line="+6" />
            <source>If you ever forget your passphrase, this code is the only way to open the notebook. Nobody can recover the data without the passphrase or this code.</source>
            <translation>Nếu bạn quên mật khẩu, mã này là cách duy nhất để mở sổ tay. Không ai lấy lại được dữ liệu nếu không có mật khẩu hoặc mã này.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Write it down on paper, or save it as a PDF and print it. Keep the paper locked away, apart from this computer: anyone who has the code and the computer can open the notebook. The code is shown only this once.</source>
            <translation>Hãy chép mã ra giấy, hoặc lưu thành tệp PDF rồi in ra. Cất tờ giấy ở nơi có khóa, để riêng khỏi máy tính này: ai có cả mã và máy tính đều mở được sổ tay. Mã chỉ hiện một lần này thôi.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Save as &amp;PDF…</source>
            <translation>Lưu thành tệp &amp;PDF…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>I have &amp;written down or printed the code</source>
            <translation>Tôi đã &amp;ghi lại hoặc in mã này</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Continue</source>
            <translation>&amp;Tiếp tục</translation>
        </message>
        <message>
            <location line="+21" />
            <source>SoTayCTV-recovery-code</source>
            <translation>SoTayCTV-ma-khoi-phuc</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save the recovery code as PDF</source>
            <translation>Lưu mã khôi phục thành tệp PDF</translation>
        </message>
        <message>
            <location line="+0" />
            <source>PDF files (*.pdf)</source>
            <translation>Tệp PDF (*.pdf)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Could not save the PDF: {reason}</source>
            <translation>Không lưu được tệp PDF: {reason}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Could not save the PDF there. Choose another folder.</source>
            <translation>Không lưu được tệp PDF vào đó. Hãy chọn thư mục khác.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Saved to {path}. Print it, then delete the file.</source>
            <translation>Đã lưu vào {path}. Hãy in ra, rồi xóa tệp này.</translation>
        </message>
    </context>
    <context>
        <name>RecoverySheet</name>
        <message>
            <source>This code opens the notebook when the passphrase is forgotten. It is the only way back in: nobody can recover the data without the passphrase or this code.</source>
            <translation>Mã này dùng để mở sổ tay khi quên mật khẩu. Đây là cách duy nhất để vào lại: không ai lấy lại được dữ liệu nếu không có mật khẩu hoặc mã này.</translation>
        </message>
        <message>
            <source>Keep this sheet locked away, apart from the computer.</source>
            <translation>Hãy cất tờ giấy này ở nơi có khóa, để riêng khỏi máy tính.</translation>
        </message>
        <message>
            <source>Anyone who has both this code and the computer can open the notebook. Do not photograph it or send it by message.</source>
            <translation>Ai có cả mã này và máy tính đều mở được sổ tay. Không chụp ảnh mã này và không gửi qua tin nhắn.</translation>
        </message>
        <message>
            <source>Open Sổ tay CTV. In the login window, choose your name and click “Forgot your passphrase?”.</source>
            <translation>Mở Sổ tay CTV. Ở cửa sổ đăng nhập, chọn tên của bạn rồi bấm “Quên mật khẩu?”.</translation>
        </message>
        <message>
            <source>Type the code exactly as printed above. Capital or small letters and the dashes do not matter.</source>
            <translation>Gõ mã đúng như in ở trên. Gõ chữ hoa hay chữ thường, có hay không có dấu gạch ngang đều được.</translation>
        </message>
        <message>
            <source>Choose a new passphrase. From then on you log in with the new passphrase; the old one stops working.</source>
            <translation>Chọn mật khẩu mới. Từ đó trở đi, bạn đăng nhập bằng mật khẩu mới; mật khẩu cũ không dùng được nữa.</translation>
        </message>
        <message>
            <source>Commune / ward</source>
            <translation>Xã / phường</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Người dùng</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Recovery code</source>
            <translation>Mã khôi phục</translation>
        </message>
        <message>
            <source>How to use it</source>
            <translation>Cách sử dụng</translation>
        </message>
    </context>
    <context>
        <name>ReferDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/case/forms.py" line="-84" />
            <source>Refer the case</source>
            <translation>Chuyển gửi trường hợp</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Refer to</source>
            <translation>&amp;Chuyển gửi đến</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Sent on</source>
            <translation>Ngày &amp;gửi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>N&amp;otes</source>
            <translation>Gh&amp;i chú</translation>
        </message>
    </context>
    <context>
        <name>Reference</name>
        <message>
            <location filename="../../desktop/services/reference_upper.py" line="+140" />
            <source>The upper level sent code {key} incomplete; nothing was taken. Ask the upper level to send its codes again.</source>
            <translation>Cấp trên gửi mã {key} chưa đầy đủ nên chưa nhận mã nào. Hãy đề nghị cấp trên gửi lại danh mục mã.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The upper level sent unit {key} at an unknown level; nothing was taken. Ask the upper level to check it.</source>
            <translation>Cấp trên gửi đơn vị {key} với cấp không xác định nên chưa nhận gì. Hãy đề nghị cấp trên kiểm tra lại.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The upper level sent unit {key} under a unit this profile lacks; nothing was taken. Ask the upper level to send its units again.</source>
            <translation>Cấp trên gửi đơn vị {key} thuộc một đơn vị mà sổ tay này chưa có nên chưa nhận gì. Hãy đề nghị cấp trên gửi lại danh mục đơn vị hành chính.</translation>
        </message>
        <message>
            <location filename="../../desktop/services/reference.py" line="+165" />
            <source>Unknown commune code {code}.</source>
            <translation>Mã xã {code} không có trong danh mục.</translation>
        </message>
        <message>
            <location line="+48" />
            <source>A village with this name already exists.</source>
            <translation>Đã có thôn mang tên này.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>This village no longer exists.</source>
            <translation>Thôn này không còn trong danh sách.</translation>
        </message>
    </context>
    <context>
        <name>RenumberDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/renumber.py" line="+24" />
            <source>New number for household {code}</source>
            <translation>Số mới cho hộ {code}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Another household has the number {code} too. Give this one a number no other household in the commune has; the change reaches the other laptops with the next exchange.</source>
            <translation>Một hộ khác cũng mang số {code}. Hãy đặt cho hộ này một số chưa hộ nào trong xã dùng; thay đổi sẽ đến các máy khác trong lần trao đổi tiếp theo.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>New &amp;number</source>
            <translation>&amp;Số hộ mới</translation>
        </message>
    </context>
    <context>
        <name>ReportSignDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/report_sign.py" line="+90" />
            <source>Sign the report</source>
            <translation>Ký số báo cáo</translation>
        </message>
        <message>
            <location line="+7" />
            <source>How should the report be signed?</source>
            <translation>Ký báo cáo bằng cách nào?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>With this computer's &amp;key</source>
            <translation>Bằng khóa của &amp;máy này</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The notebook's own certificate, made when it was set up. The commune and the hub can check it; no device or PIN is needed.</source>
            <translation>Chứng thư số riêng của sổ tay, tạo khi cài đặt. Xã và cấp trên kiểm tra được; không cần thiết bị hay mã PIN.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>With a &amp;USB token (a digital-signature certificate)</source>
            <translation>Bằng thiết bị ký số &amp;USB (token chứa chứng thư số)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The token's driver file (.so or .dll)</source>
            <translation>Tệp trình điều khiển của token (.so hoặc .dll)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Browse…</source>
            <translation>&amp;Chọn tệp…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Find tokens</source>
            <translation>&amp;Tìm token</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The token's PIN</source>
            <translation>Mã PIN của token</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Show &amp;certificates</source>
            <translation>&amp;Xem chứng thư số</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The PIN is used only to sign this report. It is never saved.</source>
            <translation>Mã PIN chỉ dùng để ký báo cáo này, không bao giờ được lưu lại.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>USB token</source>
            <translation>Token USB</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Driver file</source>
            <translation>T&amp;rình điều khiển</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Token</source>
            <translation>T&amp;oken</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;PIN</source>
            <translation>Mã &amp;PIN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cert&amp;ificate</source>
            <translation>Chứng t&amp;hư số</translation>
        </message>
        <message>
            <location line="+24" />
            <source>&amp;Sign</source>
            <translation>&amp;Ký</translation>
        </message>
        <message>
            <location line="+65" />
            <source>Choose the token's driver</source>
            <translation>Chọn trình điều khiển của token</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Token drivers (*.dll *.so *.so.* *.dylib);;All files (*)</source>
            <translation>Trình điều khiển token (*.dll *.so *.so.* *.dylib);;Mọi tệp (*)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Choose the token's driver file first.</source>
            <translation>Hãy chọn tệp trình điều khiển của token trước.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Looking for tokens…</source>
            <translation>Đang tìm token…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>No token is plugged in. Plug the token in, wait a moment, then try again.</source>
            <translation>Chưa có token nào được cắm vào. Hãy cắm token, chờ một lát rồi thử lại.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Found {n} token(s). Type the PIN, then press Show certificates.</source>
            <translation>Tìm thấy {n} token. Hãy gõ mã PIN rồi bấm Xem chứng thư số.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reading the certificates on the token…</source>
            <translation>Đang đọc các chứng thư số trên token…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Choose the certificate to sign with, then press Sign.</source>
            <translation>Hãy chọn chứng thư số dùng để ký rồi bấm Ký.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The token holds no certificate that can sign now.</source>
            <translation>Token không có chứng thư số nào ký được vào lúc này.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{holder} — expired on {date}</source>
            <translation>{holder} — đã hết hạn ngày {date}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{holder} — valid until {date}</source>
            <translation>{holder} — còn hạn đến ngày {date}</translation>
        </message>
        <message>
            <location line="+56" />
            <source>The token could not be used: {error}</source>
            <translation>Không dùng được token: {error}</translation>
        </message>
    </context>
    <context>
        <name>ReportVerifyDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/report_verify.py" line="+61" />
            <source>Check a signed PDF</source>
            <translation>Kiểm tra tệp PDF đã ký</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check a signed report</source>
            <translation>Kiểm tra báo cáo đã ký</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Choose a PDF report. The notebook checks who signed it, when, and whether even one letter was changed after signing.</source>
            <translation>Chọn một báo cáo PDF. Sổ tay kiểm tra ai đã ký, ký lúc nào và có chữ nào bị sửa sau khi ký hay không.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Chosen file</source>
            <translation>Tệp đã chọn</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No file chosen</source>
            <translation>Chưa chọn tệp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Choose a PDF…</source>
            <translation>&amp;Chọn tệp PDF…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;File</source>
            <translation>&amp;Tệp</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Signed by:</source>
            <translation>Người ký:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signed at:</source>
            <translation>Thời gian ký:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unchanged since signing:</source>
            <translation>Nguyên vẹn từ khi ký:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Certificate trusted by this notebook:</source>
            <translation>Chứng thư số được sổ tay này tin cậy:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signed again afterwards by:</source>
            <translation>Ký thêm sau đó:</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Choose a signed report</source>
            <translation>Chọn báo cáo đã ký</translation>
        </message>
        <message>
            <location line="+0" />
            <source>PDF files (*.pdf);;All files (*)</source>
            <translation>Tệp PDF (*.pdf);;Mọi tệp (*)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Checking…</source>
            <translation>Đang kiểm tra…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>yes</source>
            <translation>có</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>không</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(no name in the certificate)</source>
            <translation>(chứng thư số không ghi tên)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>This file is far too big to be a report of the notebook.</source>
            <translation>Tệp này quá lớn, không thể là báo cáo của sổ tay.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The file could not be read: {error}</source>
            <translation>Không đọc được tệp: {error}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>not stated</source>
            <translation>không ghi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{when} (Vietnam time)</source>
            <translation>{when} (giờ Việt Nam)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>NOT valid: this file carries no digital signature. Ask the sender for the signed original file.</source>
            <translation>KHÔNG hợp lệ: tệp này không có chữ ký số. Hãy đề nghị người gửi gửi lại tệp gốc đã ký.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>NOT valid: the signature in this file cannot be read; the file is damaged or was altered. Ask the sender for the original file.</source>
            <translation>KHÔNG hợp lệ: không đọc được chữ ký số trong tệp; tệp bị hỏng hoặc đã bị sửa. Hãy đề nghị người gửi gửi lại tệp gốc.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>NOT valid: the report was changed after it was signed: {others} added a signature after {name}, so this is no longer the report {name} signed. Do not use this copy. Ask the sender for the original file.</source>
            <translation>KHÔNG hợp lệ: báo cáo đã bị sửa sau khi ký: {others} đã ký thêm vào sau {name}, nên đây không còn là báo cáo {name} đã ký. Đừng dùng bản này; hãy đề nghị người gửi gửi lại tệp gốc.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>NOT valid: the report was changed after it was signed, so its content cannot be relied on. Do not use this copy. Ask the sender for the original file.</source>
            <translation>KHÔNG hợp lệ: báo cáo đã bị sửa sau khi ký nên không thể tin vào nội dung. Đừng dùng bản này; hãy đề nghị người gửi gửi lại tệp gốc.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>NOT valid for this notebook: the report is unchanged, but it was signed with a certificate this notebook does not know. Ask {name} or the commune health station to confirm it before relying on it.</source>
            <translation>KHÔNG hợp lệ đối với sổ tay này: báo cáo còn nguyên vẹn nhưng được ký bằng chứng thư số mà sổ tay không biết. Hãy hỏi {name} hoặc trạm y tế xã xác nhận trước khi dùng.</translation>
        </message>
        <message>
            <location line="-8" />
            <location line="+10" />
            <source>the sender</source>
            <translation>người gửi</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Valid: the report was signed by {name} and has not been changed since. You can rely on it.</source>
            <translation>Hợp lệ: báo cáo do {name} ký và chưa bị sửa từ khi ký. Có thể tin dùng.</translation>
        </message>
    </context>
    <context>
        <name>Reports</name>
        <message>
            <source>Unknown campaign {code}; choose one from the list.</source>
            <translation>Không có chiến dịch {code}; hãy chọn trong danh sách.</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <location filename="../../desktop/ui/pages/reports.py" line="+68" />
            <source>Reports</source>
            <translation>Báo cáo</translation>
        </message>
        <message>
            <source>&amp;Monthly report</source>
            <translation>Báo cáo &amp;tháng</translation>
        </message>
        <message>
            <source>&amp;Household card</source>
            <translation>&amp;Phiếu hộ gia đình</translation>
        </message>
        <message>
            <source>&amp;Case record (confidential)</source>
            <translation>&amp;Hồ sơ trường hợp (dữ liệu nhạy cảm)</translation>
        </message>
        <message>
            <source>Campai&amp;gn report</source>
            <translation>Báo cáo &amp;chiến dịch</translation>
        </message>
        <message>
            <source>Number or a member's name</source>
            <translation>Số hộ hoặc tên một thành viên</translation>
        </message>
        <message>
            <source>No case you may read</source>
            <translation>Không có trường hợp nào bạn được xem</translation>
        </message>
        <message>
            <source>&amp;Year</source>
            <translation>&amp;Năm</translation>
        </message>
        <message>
            <source>Which report</source>
            <translation>Chọn báo cáo</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Preview</source>
            <translation>&amp;Xem trước</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Save as PDF…</source>
            <translation>&amp;Lưu PDF có ký số…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A PDF with a digital signature, ready to send</source>
            <translation>Tệp PDF có chữ ký số, sẵn sàng gửi đi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save tables as &amp;XLSX…</source>
            <translation>Lưu bảng &amp;Excel (XLSX)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P&amp;rint…</source>
            <translation>&amp;In…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Chec&amp;k a signed PDF…</source>
            <translation>&amp;Kiểm tra tệp PDF đã ký…</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Choose a report on the left, then press Preview.</source>
            <translation>Chọn báo cáo ở bên trái rồi bấm Xem trước.</translation>
        </message>
        <message>
            <source>Monthly report {month}</source>
            <translation>Báo cáo tháng {month}</translation>
        </message>
        <message>
            <source>Household card {code}</source>
            <translation>Phiếu hộ gia đình {code}</translation>
        </message>
        <message>
            <source>Case record {case}</source>
            <translation>Hồ sơ trường hợp {case}</translation>
        </message>
        <message>
            <source>Campaign report: {campaign}, {year}</source>
            <translation>Báo cáo chiến dịch: {campaign}, năm {year}</translation>
        </message>
        <message>
            <location line="+51" />
            <source>{report} — as it will look when signed</source>
            <translation>{report} — như khi đã ký</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{report} — press Preview to see your new choice</source>
            <translation>{report} — bấm Xem trước để xem lựa chọn mới</translation>
        </message>
        <message>
            <source>open</source>
            <translation>đang mở</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>đã đóng</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Preparing the preview…</source>
            <translation>Đang chuẩn bị bản xem trước…</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Save the signed report as</source>
            <translation>Lưu báo cáo đã ký thành</translation>
        </message>
        <message>
            <location line="+0" />
            <source>PDF files (*.pdf)</source>
            <translation>Tệp PDF (*.pdf)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save the report's tables as</source>
            <translation>Lưu các bảng của báo cáo thành</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Sổ tính Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Signing and saving the report…</source>
            <translation>Đang ký và lưu báo cáo…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <location line="+60" />
            <source>The report was saved to {path}.

It was signed by {name} with this computer's key.</source>
            <translation>Đã lưu báo cáo vào {path}.

Báo cáo do {name} ký bằng khóa của máy này.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The report was saved to {path}.

It was signed by {name} with the USB token {token}.</source>
            <translation>Đã lưu báo cáo vào {path}.

Báo cáo do {name} ký bằng token USB {token}.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>This record is confidential: keep the file where only people allowed to read it can open it.</source>
            <translation>Hồ sơ này chứa dữ liệu cá nhân nhạy cảm: hãy để tệp ở nơi chỉ người được phép mới mở được.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The file could not be written: {reason}</source>
            <translation>Không ghi được tệp: {reason}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The report was not saved.</source>
            <translation>Báo cáo chưa được lưu.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>The tables of the report were saved to {path}.</source>
            <translation>Đã lưu các bảng của báo cáo vào {path}.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The printer could not be used. Check that it is switched on and ready.</source>
            <translation>Không dùng được máy in. Hãy kiểm tra máy in đã bật và sẵn sàng.</translation>
        </message>
        <message>
            <source>Choose a month or type one, e.g. 11/2026 or 2026-11.</source>
            <translation>Chọn một tháng hoặc gõ tháng, ví dụ 11/2026 hoặc 2026-11.</translation>
        </message>
        <message>
            <source>Report for</source>
            <translation>Báo cáo cho</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Tháng</translation>
        </message>
        <message>
            <source>Household</source>
            <translation>Hộ</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Trường hợp</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>Chiến dịch</translation>
        </message>
        <message>
            <source>&amp;Family and domestic violence (yearly)</source>
            <translation>Thông tin &amp;gia đình, bạo lực gia đình (năm)</translation>
        </message>
        <message>
            <source>Family and domestic violence, {year}</source>
            <translation>Thông tin gia đình, bạo lực gia đình năm {year}</translation>
        </message>
        <message>
            <source>Difficulties</source>
            <translation>Khó khăn, vướng mắc</translation>
        </message>
        <message>
            <source>Proposals</source>
            <translation>Đề xuất, kiến nghị</translation>
        </message>
        <message>
            <source>Tag &amp;with this campaign…</source>
            <translation>Ghi &amp;vào chiến dịch…</translation>
        </message>
        <message>
            <source>Activities of the campaign</source>
            <translation>Hoạt động của chiến dịch</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Không có</translation>
        </message>
        <message>
            <source>{count} activities held in these days are not recorded as part of any campaign: not counted.</source>
            <translation>{count} buổi truyền thông trong thời gian này chưa ghi thuộc chiến dịch nào nên chưa được tính.</translation>
        </message>
        <message>
            <source>P0/CTV slip of the month (&amp;0)</source>
            <translation>Phiếu thu tin P0/CTV của tháng (&amp;0)</translation>
        </message>
        <message>
            <source>&amp;A0/CTV sheet of a household</source>
            <translation>Phiếu hộ dân cư &amp;A0/CTV của một hộ</translation>
        </message>
        <message>
            <source>Sổ A0 of a village (&amp;book)</source>
            <translation>&amp;Sổ A0 của một thôn</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Thôn, tổ dân phố</translation>
        </message>
        <message>
            <source>A0/CTV sheet of household {code}</source>
            <translation>Phiếu A0/CTV hộ {code}</translation>
        </message>
        <message>
            <source>Sổ A0 of {village}</source>
            <translation>Sổ A0 {village}</translation>
        </message>
        <message>
            <source>P0/CTV slip {month}</source>
            <translation>Phiếu thu tin P0/CTV {month}</translation>
        </message>
        <message>
            <source>Case records need the protection permission: without it no case's content can be read.</source>
            <translation>Hồ sơ trường hợp cần có quyền bảo vệ: không có quyền này thì không đọc được nội dung hồ sơ nào.</translation>
        </message>
    </context>
    <context>
        <name>RestoreOffer</name>
        <message>
            <source>The notebook's database is damaged and cannot be read safely.</source>
            <translation>Cơ sở dữ liệu của sổ tay bị hỏng, không đọc an toàn được nữa.</translation>
        </message>
        <message>
            <source>&amp;Choose a backup file…</source>
            <translation>&amp;Chọn tệp sao lưu…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Thoát</translation>
        </message>
        <message>
            <source>The backup was restored. The damaged files were kept in a folder named “replaced-…” inside the notebook folder. Log in again.</source>
            <translation>Đã khôi phục bản sao lưu. Các tệp bị hỏng được giữ lại trong thư mục “replaced-…” bên trong thư mục sổ tay. Hãy đăng nhập lại.</translation>
        </message>
        <message>
            <source>There is no backup in the notebook folder. If you have one on a USB stick, choose that file.</source>
            <translation>Trong thư mục sổ tay không có bản sao lưu nào. Nếu bạn có bản sao lưu trên USB, hãy chọn tệp đó.</translation>
        </message>
        <message>
            <source>Choose a backup of the notebook</source>
            <translation>Chọn bản sao lưu của sổ tay</translation>
        </message>
        <message>
            <source>This backup was made when {user} had another passphrase. Type the passphrase of that time:</source>
            <translation>Bản sao lưu này được tạo khi {user} còn dùng mật khẩu khác. Hãy gõ mật khẩu của lúc đó:</translation>
        </message>
        <message>
            <source>The newest good backup was made on {when}. Changes made after it are lost; if you have a newer backup on a USB stick, choose that file instead.</source>
            <translation>Bản sao lưu còn tốt mới nhất được tạo lúc {when}. Những thay đổi sau thời điểm đó sẽ mất; nếu bạn có bản sao lưu mới hơn trên USB, hãy chọn tệp đó.</translation>
        </message>
        <message>
            <source>&amp;Restore the backup of {when}</source>
            <translation>&amp;Khôi phục bản sao lưu lúc {when}</translation>
        </message>
        <message>
            <source>Notebook backups (*{extension})</source>
            <translation>Bản sao lưu sổ tay (*{extension})</translation>
        </message>
        <message>
            <source>Replace this notebook with the other one? This notebook's files are kept in a folder named “replaced-…” inside the notebook folder.</source>
            <translation>Thay sổ tay này bằng sổ tay kia? Các tệp của sổ tay này được giữ lại trong một thư mục tên “replaced-…” bên trong thư mục sổ tay.</translation>
        </message>
        <message>
            <source>Re&amp;place with the other notebook</source>
            <translation>&amp;Thay bằng sổ tay kia</translation>
        </message>
        <message>
            <source>&amp;Keep this notebook</source>
            <translation>&amp;Giữ sổ tay này</translation>
        </message>
        <message>
            <source>This backup is of another notebook: commune {backup_commune}, {backup_collaborator}, id {backup_id}. The notebook here is commune {current_commune}, {current_collaborator}, id {current_id}.</source>
            <translation>Bản sao lưu này là của một sổ tay khác: xã {backup_commune}, {backup_collaborator}, mã {backup_id}. Sổ tay ở đây là của xã {current_commune}, {current_collaborator}, mã {current_id}.</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <source>{n} households have the number {code}. Give all but one of them a new number.</source>
            <translation>{n} hộ cùng mang số {code}. Hãy đặt số mới cho các hộ, chỉ giữ số này cho một hộ.</translation>
        </message>
        <message>
            <source>Household {code} has {n} present heads. Keep one head and give the others their relationship.</source>
            <translation>Hộ {code} có {n} chủ hộ đang ở. Hãy giữ một chủ hộ và ghi lại quan hệ với chủ hộ cho những người còn lại.</translation>
        </message>
        <message>
            <source>Household {code} has the category {category} {n} times for {year}. Remove the extra entries.</source>
            <translation>Hộ {code} có diện {category} ghi {n} lần cho năm {year}. Hãy xoá các dòng thừa.</translation>
        </message>
        <message>
            <source>{name} may be recorded {n} times. If they are different people, dismiss this item; if not, delete the extra record.</source>
            <translation>{name} có thể đã được ghi {n} lần. Nếu là những người khác nhau, hãy bỏ qua mục này; nếu không, hãy xoá bản ghi thừa.</translation>
        </message>
        <message>
            <source>This review item is already settled; the list shows the open ones.</source>
            <translation>Mục này đã được xử lý; danh sách chỉ hiện các mục còn cần xem lại.</translation>
        </message>
        <message>
            <source>This review item no longer exists.</source>
            <translation>Mục cần xem lại này không còn nữa.</translation>
        </message>
    </context>
    <context>
        <name>ReviewBar</name>
        <message>
            <location filename="../../desktop/ui/pages/dashboard.py" line="+15" />
            <source>Review them…</source>
            <translation>Xem lại…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{n} item(s) to review on Needs review: {conflicts} value(s) from other laptops set aside, {items} problem(s) to check after merging their changes.</source>
            <translation>Có {n} mục trên trang Cần xem lại: {conflicts} giá trị từ máy khác bị gác lại, {items} vấn đề cần kiểm tra sau khi gộp thay đổi của các máy.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{n} item(s) to review on Needs review: problem(s) to check after merging the changes of other laptops.</source>
            <translation>Có {n} mục trên trang Cần xem lại: vấn đề cần kiểm tra sau khi gộp thay đổi của các máy khác.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{n} item(s) to review on Needs review: value(s) from other laptops set aside, waiting for your choice.</source>
            <translation>Có {n} mục trên trang Cần xem lại: giá trị từ máy khác bị gác lại, đang chờ bạn chọn.</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/case/review.py" line="+89" />
            <source>Review after the plan (Mẫu 06)</source>
            <translation>Rà soát, đánh giá sau can thiệp (Mẫu 06)</translation>
        </message>
        <message>
            <location line="+14" />
            <source>How severe is the &amp;harm to the child now?</source>
            <translation>Mức độ tổn &amp;hại đối với trẻ hiện nay?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How easily can the person who caused the harm &amp;reach the child?</source>
            <translation>Người gây hại có dễ &amp;tiếp cận trẻ không?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How much stands in the way in the child's care &amp;environment?</source>
            <translation>Trở &amp;ngại trong môi trường chăm sóc trẻ?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How well can the child &amp;protect themself and recover?</source>
            <translation>Khả năng tự bảo vệ và &amp;phục hồi của trẻ?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reviewed &amp;on</source>
            <translation>Ngày &amp;rà soát</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Notes</source>
            <translation>Gh&amp;i chú</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The worst of the four scores, a child who can protect themself well counting as a low risk. It becomes the case's risk level.</source>
            <translation>Là mức cao nhất trong bốn mục (trẻ có khả năng tự bảo vệ cao thì nguy cơ thấp). Mức này trở thành mức độ nguy cơ của trường hợp.</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Overall risk: {level}</source>
            <translation>Mức độ nguy cơ chung: {level}</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <location filename="../../desktop/ui/pages/review.py" line="+13" />
            <location line="+117" />
            <source>Needs review</source>
            <translation>Cần xem lại</translation>
        </message>
        <message>
            <location line="-113" />
            <source>When two laptops changed the same thing before exchanging their changes, one value was kept and the other set aside. Check each one below and keep the right value: your choice reaches the other laptops with the next exchange.</source>
            <translation>Khi hai máy cùng sửa một thông tin trước khi trao đổi thay đổi, một giá trị được giữ và giá trị kia bị gác lại. Hãy xem từng mục dưới đây và giữ giá trị đúng: lựa chọn của bạn sẽ đến các máy khác trong lần trao đổi tiếp theo.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Nothing to review: every change from the other laptops fitted in.</source>
            <translation>Không có gì cần xem lại: mọi thay đổi từ các máy khác đều đã khớp.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Values set aside</source>
            <translation>Giá trị bị gác lại</translation>
        </message>
        <message>
            <location line="+2" />
            <source>To check</source>
            <translation>Cần kiểm tra</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Each laptop kept the rules, but together their changes break one: the same number for two households, two heads, one person recorded twice. Open the records and settle it.</source>
            <translation>Mỗi máy đều làm đúng quy tắc, nhưng gộp thay đổi của các máy lại thì có chỗ không khớp: hai hộ cùng một số, hai chủ hộ, một người được ghi hai lần. Hãy mở các bản ghi để xử lý.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Conflicts to review</source>
            <translation>Các mục cần xem lại</translation>
        </message>
        <message>
            <location line="+41" />
            <source>To review: {n}</source>
            <translation>Cần xem lại: {n}</translation>
        </message>
    </context>
    <context>
        <name>Security</name>
        <message>
            <location filename="../../desktop/security/device.py" line="+126" />
            <source>This profile already has a device identity.</source>
            <translation>Sổ tay này đã có định danh thiết bị.</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Set up the profile (commune and collaborator) before creating its identity.</source>
            <translation>Hãy thiết lập sổ tay (xã và cộng tác viên) trước khi tạo định danh thiết bị.</translation>
        </message>
        <message>
            <location line="+64" />
            <source>The device certificate does not belong to this device's key.</source>
            <translation>Chứng thư thiết bị không khớp với khóa của thiết bị này.</translation>
        </message>
        <message>
            <location line="+41" />
            <source>The password of this device's key is not in this computer's keyring or in the profile, so the device cannot sign.</source>
            <translation>Không tìm thấy mật khẩu khóa của thiết bị trong kho khóa của máy tính này hay trong sổ tay, nên thiết bị không ký được.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The device key cannot be opened: its password is wrong or the file is damaged.</source>
            <translation>Không mở được khóa thiết bị: mật khẩu sai hoặc tệp bị hỏng.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>This profile has no device identity yet ({file} is missing).</source>
            <translation>Sổ tay này chưa có định danh thiết bị (thiếu tệp {file}).</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The device identity file {file} is damaged.</source>
            <translation>Tệp định danh thiết bị {file} bị hỏng.</translation>
        </message>
        <message>
            <location line="+42" />
            <source>This certificate was issued for another key, not for this device.</source>
            <translation>Chứng thư này cấp cho một khóa khác, không phải cho thiết bị này.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This certificate was not signed by the hub.</source>
            <translation>Chứng thư này không do tuyến trên ký.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>This is not a certificate.</source>
            <translation>Đây không phải là chứng thư số.</translation>
        </message>
        <message>
            <location filename="../../desktop/security/keystore.py" line="+53" />
            <source>Wrong user name or passphrase.</source>
            <translation>Sai tên người dùng hoặc mật khẩu.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>This recovery code does not belong to this profile.</source>
            <translation>Mã khôi phục này không phải của sổ tay này.</translation>
        </message>
        <message>
            <location filename="../../desktop/security/keyslot.py" line="+121" />
            <source>The passphrase cannot be empty or only spaces.</source>
            <translation>Mật khẩu không được để trống hoặc chỉ có dấu cách.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The passphrase must have at least {minimum} characters.</source>
            <translation>Mật khẩu phải có ít nhất {minimum} ký tự.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The passphrase cannot contain control characters.</source>
            <translation>Mật khẩu không được chứa ký tự điều khiển.</translation>
        </message>
        <message>
            <location filename="../../desktop/security/key_document.py" line="+91" />
            <source>This profile has no key file (keyslots.json).</source>
            <translation>Sổ tay này không có tệp khóa (keyslots.json).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The key file of this profile cannot be read: {reason}</source>
            <translation>Không đọc được tệp khóa của sổ tay này: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/security/keystore.py" line="+107" />
            <location filename="../../desktop/services/profile/users.py" line="-9" />
            <source>A user with this name already exists.</source>
            <translation>Đã có người dùng mang tên này.</translation>
        </message>
        <message>
            <location line="+51" />
            <source>The last user of a profile cannot be removed.</source>
            <translation>Không thể xóa người dùng cuối cùng của sổ tay.</translation>
        </message>
        <message>
            <location line="+79" />
            <source>This profile already has a key file; it was not replaced.</source>
            <translation>Sổ tay này đã có tệp khóa; tệp đó không bị thay thế.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Enter a user name.</source>
            <translation>Hãy nhập tên người dùng.</translation>
        </message>
        <message>
            <location filename="../../desktop/security/key_document.py" line="+6" />
            <source>The key file of this profile is damaged or not from Sổ tay CTV ({detail}).</source>
            <translation>Tệp khóa của sổ tay này bị hỏng hoặc không phải của Sổ tay CTV ({detail}).</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+38" />
            <source>The key file has version {version}; this version of the app cannot read it.</source>
            <translation>Tệp khóa có phiên bản {version}; phiên bản ứng dụng này không đọc được.</translation>
        </message>
        <message>
            <location filename="../../desktop/security/recovery.py" line="+86" />
            <source>Enter the recovery code.</source>
            <translation>Hãy nhập mã khôi phục.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The recovery code cannot contain “{symbol}”; check what you typed.</source>
            <translation>Mã khôi phục không có ký tự “{symbol}”; hãy kiểm tra lại những gì đã gõ.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The recovery code has {expected} characters, but {count} were typed.</source>
            <translation>Mã khôi phục có {expected} ký tự, nhưng bạn đã gõ {count} ký tự.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The recovery code is mistyped; compare it group by group with the printed sheet.</source>
            <translation>Mã khôi phục bị gõ sai; hãy so từng nhóm với tờ giấy đã in.</translation>
        </message>
        <message>
            <location filename="../../desktop/cli/profile.py" line="-46" />
            <location filename="../../desktop/services/profile/opening.py" line="+108" />
            <source>{home} holds no unprotected profile.</source>
            <translation>{home} không có sổ tay nào chưa được bảo vệ.</translation>
        </message>
        <message>
            <location filename="../../desktop/services/profile/folder.py" line="+49" />
            <source>Too many wrong attempts. Wait {seconds} seconds, then try again.</source>
            <translation>Bạn đã nhập sai quá nhiều lần. Hãy chờ {seconds} giây rồi thử lại.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The profile database {path} is damaged and cannot be read. Restore the newest backup.</source>
            <translation>Cơ sở dữ liệu của sổ tay {path} bị hỏng, không đọc được. Hãy khôi phục bản sao lưu mới nhất.</translation>
        </message>
        <message>
            <location filename="../../desktop/services/profile/opening.py" line="-28" />
            <source>{home} already holds a profile.</source>
            <translation>{home} đã có một sổ tay.</translation>
        </message>
        <message>
            <location line="+155" />
            <source>No profile found in {home}.</source>
            <translation>Không tìm thấy sổ tay nào trong {home}.</translation>
        </message>
        <message>
            <location line="+43" />
            <source>The user {user} has no account in this profile any more.</source>
            <translation>Người dùng {user} không còn tài khoản trong sổ tay này.</translation>
        </message>
        <message>
            <location filename="../../desktop/security/pdf/signing.py" line="+84" />
            <source>The report could not be signed: {detail}</source>
            <translation>Không ký được báo cáo: {detail}</translation>
        </message>
        <message>
            <location line="+26" />
            <source>This file is not a readable PDF.</source>
            <translation>Tệp này không phải là tệp PDF đọc được.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This PDF has a signature or a signature field already; a report is signed only once.</source>
            <translation>Tệp PDF này đã có chữ ký hoặc ô chữ ký; mỗi báo cáo chỉ được ký một lần.</translation>
        </message>
        <message>
            <location filename="../../desktop/security/pdf/stamp.py" line="+151" />
            <source>The font for the signature stamp is missing ({file}).</source>
            <translation>Thiếu phông chữ cho khung chữ ký ({file}).</translation>
        </message>
        <message>
            <location filename="../../desktop/security/pdf/signers.py" line="+112" />
            <source>The token {token} stopped answering while signing.</source>
            <translation>Thiết bị ký số (token) {token} ngừng phản hồi trong khi ký.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The token has no usable key and certificate named {label}.</source>
            <translation>Token không có khóa và chứng thư số dùng được mang tên {label}.</translation>
        </message>
        <message>
            <location filename="../../desktop/security/pdf/tokens.py" line="+152" />
            <source>The token {token} is locked after too many wrong PINs.</source>
            <translation>Token {token} đã bị khóa do nhập sai mã PIN quá nhiều lần.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Wrong PIN for the token {token}.</source>
            <translation>Mã PIN của token {token} không đúng.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The token {token} is not plugged in or cannot be opened.</source>
            <translation>Token {token} chưa được cắm vào máy hoặc không mở được.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The token driver {module} cannot be loaded.</source>
            <translation>Không nạp được trình điều khiển token {module}.</translation>
        </message>
        <message>
            <location filename="../../desktop/security/secrets.py" line="+26" />
            <source>This computer has no system keyring (a safe place for passwords) that the app can use, so the password of the key that signs your reports is kept inside this notebook, which your passphrase locks. Nothing is lost and you can work as usual. Keep your passphrase to yourself: whoever knows it can also sign reports with this notebook.</source>
            <translation>Máy tính này không có chỗ cất mật khẩu an toàn mà ứng dụng dùng được, nên mật khẩu của khóa dùng để ký báo cáo được cất ngay trong sổ tay này, và sổ tay được khóa bằng mật khẩu đăng nhập của bạn. Không có gì bị mất, bạn vẫn làm việc bình thường. Hãy giữ kín mật khẩu đăng nhập: ai biết mật khẩu đó cũng có thể ký báo cáo bằng sổ tay này.</translation>
        </message>
        <message>
            <location filename="../../desktop/services/profile/recovery.py" line="+39" />
            <source>The recovery code sets a new passphrase only for a commune officer, and {user} is not one. Ask a commune officer of this notebook to set a new passphrase for {user}.</source>
            <translation>Mã khôi phục chỉ dùng để đặt mật khẩu mới cho cán bộ xã, mà {user} không phải là cán bộ xã. Hãy nhờ cán bộ xã của sổ tay này đặt mật khẩu mới cho {user}.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../desktop/ui/pages/settings.py" line="+55" />
            <source>Settings</source>
            <translation>Cài đặt</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Language</source>
            <translation>Ngôn ngữ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Display language</source>
            <translation>&amp;Ngôn ngữ hiển thị</translation>
        </message>
        <message>
            <location line="+9" />
            <source>minutes without keyboard or mouse use</source>
            <translation>phút không dùng bàn phím hoặc chuột</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ctrl+L locks at once. Unlocking needs the passphrase of the user logged in.</source>
            <translation>Nhấn Ctrl+L để khóa ngay. Muốn mở khóa, cần mật khẩu của người dùng đang đăng nhập.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Lock</source>
            <translation>Khóa</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Lock the app &amp;after</source>
            <translation>Khóa ứng dụng &amp;sau</translation>
        </message>
        <message>
            <location line="+11" />
            <source>days without a visit</source>
            <translation>ngày chưa được thăm</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Poor, near-poor, policy, ethnic-minority and hardship households, older people living alone, households with a person with a disability, and those with a pregnancy or a baby, come on the task list when nobody has visited them for this long.</source>
            <translation>Hộ nghèo, cận nghèo, hộ chính sách, hộ dân tộc thiểu số, hộ có hoàn cảnh khó khăn, người cao tuổi sống một mình, hộ có người khuyết tật và hộ có người mang thai hoặc trẻ sơ sinh sẽ hiện trong Việc cần làm khi chưa ai đến thăm trong khoảng thời gian này.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Tasks</source>
            <translation>Việc cần làm</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remind me to visit a &amp;priority household after</source>
            <translation>Nhắc thă&amp;m hộ ưu tiên sau</translation>
        </message>
        <message>
            <location line="+9" />
            <source>This notebook</source>
            <translation>Sổ tay này</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Commune / ward:</source>
            <translation>Xã / phường:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set up for:</source>
            <translation>Sổ tay của:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Data folder:</source>
            <translation>Thư mục dữ liệu:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Add village</source>
            <translation>&amp;Thêm thôn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re&amp;name village</source>
            <translation>Đổi tên t&amp;hôn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Villages</source>
            <translation>Danh sách thôn</translation>
        </message>
        <message>
            <location line="+23" />
            <source>&amp;General</source>
            <translation>&amp;Chung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Users</source>
            <translation>Người &amp;dùng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Backups</source>
            <translation>Sa&amp;o lưu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change &amp;log</source>
            <translation>Nhật &amp;ký thay đổi</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Pa&amp;rent body</source>
            <translation>Cơ quan chủ &amp;quản</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Issuing body or unit</source>
            <translation>Cơ quan, đơn vị &amp;ban hành</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Abbre&amp;viation in document numbers</source>
            <translation>Chữ &amp;viết tắt trong số văn bản</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Save issuing body</source>
            <translation>&amp;Lưu cơ quan ban hành</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Issuing body of reports</source>
            <translation>Cơ quan ban hành báo cáo</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Printed at the top left of every report; numbers read e.g. 7/BC-{symbol}.</source>
            <translation>In ở góc trên bên trái mọi báo cáo; số văn bản có dạng 7/BC-{symbol}.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not set yet: reports carry the commune health station under the commune's People's Committee, to which collaborators report. Change the names if your reports go out under another body.</source>
            <translation>Chưa đặt: báo cáo ghi Trạm Y tế xã, trực thuộc Ủy ban nhân dân xã, là nơi cộng tác viên báo cáo. Hãy sửa nếu báo cáo của bạn được ban hành dưới tên cơ quan khác.</translation>
        </message>
    </context>
    <context>
        <name>SetupDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/setup.py" line="+42" />
            <source>Welcome to Sổ tay CTV</source>
            <translation>Chào mừng bạn đến với Sổ tay CTV</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Type to search, e.g. cam xuyen</source>
            <translation>Gõ để tìm, ví dụ: cam xuyen</translation>
        </message>
        <message>
            <location line="+5" />
            <source>e.g. Nguyễn Thị Lan</source>
            <translation>ví dụ: Nguyễn Thị Lan</translation>
        </message>
        <message>
            <location line="+8" />
            <source>You type the passphrase each time you open the notebook. Use at least 8 characters; a short sentence is easy to remember and hard to guess.</source>
            <translation>Mỗi lần mở sổ tay, bạn phải gõ mật khẩu. Hãy dùng ít nhất 8 ký tự; một câu ngắn vừa dễ nhớ vừa khó đoán.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>e.g. Thôn Trung Hòa</source>
            <translation>ví dụ: Thôn Trung Hòa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Add village</source>
            <translation>&amp;Thêm thôn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re&amp;move</source>
            <translation>&amp;Xóa</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Commune / ward</source>
            <translation>Xã / &amp;phường</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Your full name</source>
            <translation>&amp;Họ và tên của bạn</translation>
        </message>
        <message>
            <location line="-1" />
            <source>&amp;Villages</source>
            <translation>&amp;Các thôn phụ trách</translation>
        </message>
        <message>
            <location line="-36" />
            <source>Before you start, choose your commune, enter your name and the villages you look after, and choose the passphrase that will protect this notebook.</source>
            <translation>Trước khi bắt đầu, hãy chọn xã của bạn, nhập họ tên và các thôn bạn phụ trách, rồi chọn mật khẩu để bảo vệ sổ tay này.</translation>
        </message>
        <message>
            <location line="+38" />
            <source>&amp;Login name</source>
            <translation>Tên đăn&amp;g nhập</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Passphrase</source>
            <translation>&amp;Mật khẩu</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Repeat passphrase</source>
            <translation>&amp;Nhập lại mật khẩu</translation>
        </message>
        <message>
            <location line="+19" />
            <source>&amp;Create the notebook</source>
            <translation>Tạo &amp;sổ tay</translation>
        </message>
        <message>
            <location line="+83" />
            <source>This village is already in the list.</source>
            <translation>Thôn này đã có trong danh sách.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Choose your commune or ward from the list.</source>
            <translation>Hãy chọn xã/phường của bạn trong danh sách.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Add at least one village.</source>
            <translation>Hãy thêm ít nhất một thôn.</translation>
        </message>
    </context>
    <context>
        <name>SideBar</name>
        <message>
            <location filename="../../desktop/ui/navigation.py" line="+37" />
            <source>Sections</source>
            <translation>Các mục</translation>
        </message>
    </context>
    <context>
        <name>SnoozeDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/task.py" line="-52" />
            <source>Put off: {task}</source>
            <translation>Hoãn lại: {task}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>e.g. the family is away until next week</source>
            <translation>ví dụ: gia đình đi vắng đến tuần sau</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Until</source>
            <translation>Hoãn đến &amp;ngày</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reason</source>
            <translation>Lý &amp;do</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Choose a day after today.</source>
            <translation>Hãy chọn một ngày sau hôm nay.</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <location filename="../../desktop/ui/formatting.py" line="+19" />
            <source>Living here</source>
            <translation>Đang ở</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Moved out</source>
            <translation>Đã chuyển đi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deceased</source>
            <translation>Đã mất</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Commune health station</source>
            <translation>Trạm y tế xã</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hospital</source>
            <translation>Bệnh viện</translation>
        </message>
        <message>
            <location line="+1" />
            <source>At home</source>
            <translation>Tại nhà</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other place</source>
            <translation>Nơi khác</translation>
        </message>
    </context>
    <context>
        <name>TagActivitiesDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/campaign_tagging.py" line="+40" />
            <source>Activities of the campaign</source>
            <translation>Hoạt động của chiến dịch</translation>
        </message>
        <message>
            <location line="+3" />
            <source>These communication activities were held during {campaign} {year} but are not recorded as part of any campaign, so its report does not count them. Tick those that were held for this campaign.</source>
            <translation>Các buổi truyền thông này được tổ chức trong thời gian {campaign} năm {year} nhưng chưa ghi thuộc chiến dịch nào, nên báo cáo chiến dịch chưa tính. Hãy đánh dấu những buổi tổ chức cho chiến dịch này.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Activities not recorded as part of a campaign</source>
            <translation>Các buổi chưa ghi thuộc chiến dịch nào</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Record as part of the campaign</source>
            <translation>&amp;Ghi vào chiến dịch</translation>
        </message>
    </context>
    <context>
        <name>Tasks</name>
        <message>
            <source>Choose a day after today.</source>
            <translation>Hãy chọn một ngày sau hôm nay.</translation>
        </message>
        <message>
            <source>The day a task is due cannot be in the past.</source>
            <translation>Hạn của việc không thể là ngày đã qua.</translation>
        </message>
        <message>
            <source>A task can be put off by at most {days} days.</source>
            <translation>Chỉ được hoãn một việc tối đa {days} ngày.</translation>
        </message>
        <message>
            <source>This task is no longer on the list.</source>
            <translation>Việc này không còn trong danh sách.</translation>
        </message>
        <message>
            <source>Choose a number of days from {min} to {max}.</source>
            <translation>Chọn số ngày từ {min} đến {max}.</translation>
        </message>
        <message>
            <source>Log in as a user to write a task.</source>
            <translation>Hãy đăng nhập bằng một người dùng để ghi việc cần làm.</translation>
        </message>
    </context>
    <context>
        <name>TimelineTab</name>
        <message>
            <location filename="../../desktop/ui/dialogs/case/timeline.py" line="+49" />
            <source>&amp;Write an entry…</source>
            <translation>Ghi &amp;diễn biến…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Timeline</source>
            <translation>Diễn biến</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What</source>
            <translation>Việc</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Case opened: {kind}</source>
            <translation>Mở hồ sơ: {kind}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Step: {step}</source>
            <translation>Bước: {step}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Measure: {measure}</source>
            <translation>Biện pháp: {measure}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referred to {body}</source>
            <translation>Chuyển gửi đến {body}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{body}: {status}</source>
            <translation>{body}: {status}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Plan: {item}</source>
            <translation>Kế hoạch: {item}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Review after the plan (Mẫu 06)</source>
            <translation>Rà soát, đánh giá sau can thiệp (Mẫu 06)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case closed</source>
            <translation>Đóng hồ sơ</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Decision no. {number}</source>
            <translation>Quyết định số {number}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Received</source>
            <translation>Đã tiếp nhận</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Declined</source>
            <translation>Từ chối</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Done</source>
            <translation>Đã xong</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dropped</source>
            <translation>Đã bỏ</translation>
        </message>
    </context>
    <context>
        <name>TypedDates</name>
        <message>
            <source>{text}: write the year with four digits (or two), e.g. 05/12/2026.</source>
            <translation>{text}: hãy viết năm bằng bốn chữ số (hoặc hai), ví dụ 05/12/2026.</translation>
        </message>
        <message>
            <source>Type a date, e.g. 05/12/2026.</source>
            <translation>Hãy nhập ngày, ví dụ 05/12/2026.</translation>
        </message>
        <message>
            <source>{text}: a date has only digits and / - . between them, e.g. 05/12/2026.</source>
            <translation>{text}: ngày chỉ gồm chữ số, ngăn cách bằng / - hoặc ., ví dụ 05/12/2026.</translation>
        </message>
        <message>
            <source>{text}: type the day, the month and the year, e.g. 05/12/2026 or 05122026.</source>
            <translation>{text}: hãy nhập đủ ngày, tháng và năm, ví dụ 05/12/2026 hoặc 05122026.</translation>
        </message>
        <message>
            <source>{text}: the day and the month have one or two digits, e.g. 05/12/2026.</source>
            <translation>{text}: ngày và tháng chỉ có một hoặc hai chữ số, ví dụ 05/12/2026.</translation>
        </message>
        <message>
            <source>{text}: there is no day 0; days start at 1.</source>
            <translation>{text}: không có ngày 0; ngày bắt đầu từ 1.</translation>
        </message>
        <message>
            <source>{text}: month {month} of {year} has only {days} days.</source>
            <translation>{text}: tháng {month} năm {year} chỉ có {days} ngày.</translation>
        </message>
        <message>
            <source>{text}: there is no month {month}; months go from 1 to 12.</source>
            <translation>{text}: không có tháng {month}; tháng chỉ từ 1 đến 12.</translation>
        </message>
        <message>
            <source>{text}: the year must be between {first} and {last}.</source>
            <translation>{text}: năm phải từ {first} đến {last}.</translation>
        </message>
        <message>
            <source>Type a month, e.g. 11/2026.</source>
            <translation>Hãy nhập tháng, ví dụ 11/2026.</translation>
        </message>
        <message>
            <source>{text}: write the month and its year, e.g. 11/2026 or 2026-11.</source>
            <translation>{text}: hãy viết tháng và năm, ví dụ 11/2026 hoặc 2026-11.</translation>
        </message>
        <message>
            <source>{text}: write the year with four digits, e.g. 11/2026 or 2026-11.</source>
            <translation>{text}: hãy viết năm bằng bốn chữ số, ví dụ 11/2026 hoặc 2026-11.</translation>
        </message>
    </context>
    <context>
        <name>UnsavedQuestion</name>
        <message>
            <source>Changes not saved</source>
            <translation>Thay đổi chưa được lưu</translation>
        </message>
        <message>
            <source>What you typed is not saved yet.</source>
            <translation>Những gì bạn đã nhập chưa được lưu.</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Lưu</translation>
        </message>
        <message>
            <source>&amp;Don't save</source>
            <translation>&amp;Không lưu</translation>
        </message>
        <message>
            <source>&amp;Go back and edit</source>
            <translation>&amp;Quay lại sửa</translation>
        </message>
        <message>
            <source>Save it now, close without saving, or go back and go on editing.</source>
            <translation>Hãy lưu ngay, đóng mà không lưu, hoặc quay lại để sửa tiếp.</translation>
        </message>
        <message>
            <source>Not saved: {what}.</source>
            <translation>Chưa lưu: {what}.</translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/user.py" line="+29" />
            <source>Change user {name}</source>
            <translation>Sửa người dùng {name}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add a user</source>
            <translation>Thêm người dùng</translation>
        </message>
        <message>
            <location line="+7" />
            <source>e.g. Trần Văn Bình</source>
            <translation>ví dụ: Trần Văn Bình</translation>
        </message>
        <message>
            <location line="+7" />
            <source>May read the content of support cases (protection)</source>
            <translation>Được đọc nội dung các trường hợp hỗ trợ (quyền bảo vệ)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Only an officer who holds the protection permission can grant it.</source>
            <translation>Chỉ cán bộ đang có quyền bảo vệ mới cấp được quyền này.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Name</source>
            <translation>&amp;Họ và tên</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Role</source>
            <translation>&amp;Vai trò</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Villages</source>
            <translation>&amp;Các thôn phụ trách</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Permission</source>
            <translation>&amp;Quyền</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Their passphrase</source>
            <translation>&amp;Mật khẩu của họ</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Passphrase</source>
            <translation>&amp;Mật khẩu</translation>
        </message>
        <message>
            <location line="+3" />
            <source>R&amp;epeat passphrase</source>
            <translation>&amp;Nhập lại mật khẩu</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Tell the new user their passphrase in person; they can change it in Settings.</source>
            <translation>Hãy báo mật khẩu trực tiếp cho người dùng mới; họ có thể tự đổi trong Cài đặt.</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Tick the villages this collaborator keeps.</source>
            <translation>Đánh dấu các thôn mà cộng tác viên này phụ trách.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{name} types their own passphrase here.</source>
            <translation>{name} tự gõ mật khẩu của mình vào đây.</translation>
        </message>
    </context>
    <context>
        <name>Users</name>
        <message>
            <location filename="../../desktop/services/profile/protection.py" line="+61" />
            <source>Only a user who holds the protection permission can grant it. Ask an officer who holds it, or use the recovery code.</source>
            <translation>Chỉ người đang có quyền bảo vệ mới cấp được quyền này. Hãy nhờ cán bộ có quyền này, hoặc dùng mã khôi phục.</translation>
        </message>
        <message>
            <location filename="../../desktop/services/profile/users.py" line="-60" />
            <source>{name} types their own passphrase here: the key that opens support cases is locked with it.</source>
            <translation>{name} tự gõ mật khẩu của mình vào đây: khóa mở hồ sơ trợ giúp được khóa bằng mật khẩu đó.</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <location filename="../../desktop/ui/pages/users.py" line="+34" />
            <source>Logged in: {name} — {role}</source>
            <translation>Đang đăng nhập: {name} — {role}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Change my passphrase…</source>
            <translation>Đổi &amp;mật khẩu của tôi…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>My account</source>
            <translation>Tài khoản của tôi</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Villages</source>
            <translation>Thôn phụ trách</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Support cases</source>
            <translation>Trường hợp hỗ trợ</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Users</source>
            <translation>Người dùng</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Add user…</source>
            <translation>&amp;Thêm người dùng…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;hange…</source>
            <translation>&amp;Sửa…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Remove…</source>
            <translation>&amp;Xóa…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Users of this notebook</source>
            <translation>Người dùng của sổ tay này</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Only a commune officer can add or change users. Ask them if your villages are not right.</source>
            <translation>Chỉ cán bộ xã mới thêm hoặc sửa được người dùng. Nếu các thôn của bạn chưa đúng, hãy báo cán bộ xã.</translation>
        </message>
        <message>
            <location line="+29" />
            <source>{name} (you)</source>
            <translation>{name} (bạn)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Whole commune</source>
            <translation>Cả xã</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Can read</source>
            <translation>Được đọc</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Cannot read</source>
            <translation>Không được đọc</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Change my passphrase</source>
            <translation>Đổi mật khẩu của tôi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your passphrase was changed. Use the new one from now on.</source>
            <translation>Đã đổi mật khẩu của bạn. Từ nay hãy dùng mật khẩu mới.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Remove {name}? They will no longer be able to open this notebook. What they recorded stays.</source>
            <translation>Xóa {name}? Người này sẽ không mở được sổ tay này nữa. Những gì họ đã ghi vẫn được giữ lại.</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+5" />
            <source>Remove user</source>
            <translation>Xóa người dùng</translation>
        </message>
    </context>
    <context>
        <name>Validation</name>
        <message>
            <source>Remove the invisible control characters from this field.</source>
            <translation>Hãy xóa các ký tự điều khiển ẩn trong ô này.</translation>
        </message>
        <message>
            <source>This field is required.</source>
            <translation>Ô này không được để trống.</translation>
        </message>
        <message>
            <source>Too long: at most {max} characters.</source>
            <translation>Quá dài: tối đa {max} ký tự.</translation>
        </message>
        <message>
            <source>A name must contain letters.</source>
            <translation>Tên phải có chữ cái.</translation>
        </message>
        <message>
            <source>A name cannot contain digits.</source>
            <translation>Tên không được chứa chữ số.</translation>
        </message>
        <message>
            <source>Use digits, letters, dots or dashes only, e.g. 012 or 012.1.</source>
            <translation>Chỉ dùng chữ số, chữ cái, dấu chấm hoặc gạch ngang, ví dụ 012 hoặc 012.1.</translation>
        </message>
        <message>
            <source>Enter the date of birth.</source>
            <translation>Hãy nhập ngày sinh.</translation>
        </message>
        <message>
            <source>The date of birth cannot be in the future.</source>
            <translation>Ngày sinh không được sau ngày hôm nay.</translation>
        </message>
        <message>
            <source>The date of birth is before 1900; check the year.</source>
            <translation>Ngày sinh trước năm 1900; hãy kiểm tra lại năm sinh.</translation>
        </message>
        <message>
            <source>Enter the date.</source>
            <translation>Hãy nhập ngày.</translation>
        </message>
        <message>
            <source>This date cannot be in the future.</source>
            <translation>Ngày này không được sau ngày hôm nay.</translation>
        </message>
        <message>
            <source>This date is before the date of birth.</source>
            <translation>Ngày này trước ngày sinh.</translation>
        </message>
        <message>
            <source>Enter the date of death.</source>
            <translation>Hãy nhập ngày mất.</translation>
        </message>
        <message>
            <source>The date of death is before the date of birth.</source>
            <translation>Ngày mất trước ngày sinh.</translation>
        </message>
        <message>
            <source>The date of death cannot be in the future.</source>
            <translation>Ngày mất không được sau ngày hôm nay.</translation>
        </message>
        <message>
            <source>A head of household must be at least {age} years old.</source>
            <translation>Chủ hộ phải từ {age} tuổi trở lên.</translation>
        </message>
        <message>
            <source>This number contains characters that are not allowed.</source>
            <translation>Số này có ký tự không hợp lệ.</translation>
        </message>
        <message>
            <source>Unknown value; choose one from the list.</source>
            <translation>Giá trị không hợp lệ; hãy chọn trong danh sách.</translation>
        </message>
        <message>
            <source>The year must be between 2000 and {max}.</source>
            <translation>Năm phải từ 2000 đến {max}.</translation>
        </message>
        <message>
            <source>Choose a value from the list.</source>
            <translation>Hãy chọn một mục trong danh sách.</translation>
        </message>
    </context>
    <context>
        <name>VillageDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/village.py" line="+18" />
            <source>Rename village {name}</source>
            <translation>Đổi tên thôn: {name}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add a village</source>
            <translation>Thêm thôn</translation>
        </message>
        <message>
            <location line="+5" />
            <source>e.g. Thôn Trung Hòa</source>
            <translation>ví dụ: Thôn Trung Hòa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Name</source>
            <translation>&amp;Tên thôn</translation>
        </message>
    </context>
    <context>
        <name>VisitDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/visit.py" line="+29" />
            <source>Record a visit — household {code}</source>
            <translation>Ghi thăm hộ — hộ số {code}</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Come back &amp;on</source>
            <translation>Có hẹn &amp;vào ngày</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Date of visit</source>
            <translation>&amp;Ngày thăm</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Collaborator</source>
            <translation>&amp;Cộng tác viên</translation>
        </message>
        <message>
            <location line="+2" />
            <source>People &amp;met</source>
            <translation>Người được &amp;gặp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Topics discussed</source>
            <translation>Nội dung &amp;trao đổi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>N&amp;otes</source>
            <translation>Gh&amp;i chú</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Follow-up</source>
            <translation>Hẹn thăm lại</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{name} (head)</source>
            <translation>{name} (chủ hộ)</translation>
        </message>
    </context>
    <context>
        <name>Visits</name>
        <message>
            <source>{name} no longer has an account; choose who made the visit from the list.</source>
            <translation>{name} không còn tài khoản; hãy chọn người đã đi thăm hộ trong danh sách.</translation>
        </message>
        <message>
            <source>Choose who made the visit from the list.</source>
            <translation>Hãy chọn người đã đi thăm hộ trong danh sách.</translation>
        </message>
        <message>
            <source>Tick at least one topic discussed.</source>
            <translation>Hãy đánh dấu ít nhất một nội dung đã trao đổi.</translation>
        </message>
        <message>
            <source>Only members of this household can be ticked.</source>
            <translation>Chỉ được đánh dấu thành viên của hộ này.</translation>
        </message>
        <message>
            <source>This household no longer exists.</source>
            <translation>Hộ này không còn tồn tại.</translation>
        </message>
        <message>
            <source>Unknown topic; choose from the list.</source>
            <translation>Nội dung không hợp lệ; hãy chọn trong danh sách.</translation>
        </message>
        <message>
            <source>The follow-up date must be after the visit.</source>
            <translation>Ngày hẹn thăm lại phải sau ngày thăm.</translation>
        </message>
        <message>
            <source>The end date is before the start date.</source>
            <translation>Ngày kết thúc trước ngày bắt đầu.</translation>
        </message>
        <message>
            <source>The follow-up date is more than a year away.</source>
            <translation>Ngày hẹn thăm lại cách ngày thăm hơn một năm.</translation>
        </message>
    </context>
    <context>
        <name>VisitsPage</name>
        <message>
            <location filename="../../desktop/ui/pages/visits.py" line="+41" />
            <source>Household visits</source>
            <translation>Thăm hộ</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This &amp;month</source>
            <translation>&amp;Tháng này</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Last month</source>
            <translation>Tháng trướ&amp;c</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Show</source>
            <translation>&amp;Xem</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Household no.</source>
            <translation>Số hộ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Collaborator</source>
            <translation>Cộng tác viên</translation>
        </message>
        <message>
            <location line="+1" />
            <source>People met</source>
            <translation>Người được gặp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Topics</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Follow-up</source>
            <translation>Hẹn thăm lại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Visits</source>
            <translation>Thăm hộ</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;From</source>
            <translation>Từ &amp;ngày</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;To</source>
            <translation>Đến n&amp;gày</translation>
        </message>
        <message>
            <location line="+54" />
            <source>{n} visit(s)</source>
            <translation>{n} lượt thăm</translation>
        </message>
    </context>
</TS>
