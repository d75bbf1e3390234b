"""The forms of ui/, compiled by `make forms` (.ci/forms.py); do not edit.

FORMS: .ui file name -> (module, its Ui class, the Qt class of the top widget).
"""

FORMS = {
    "chooser_dialog.ui": ("chooser_dialog", "Ui_ChooserDialog", "QDialog"),
    "collaboration_dialog.ui": ("collaboration_dialog", "Ui_CollaborationDialog", "QWidget"),
    "content_check.ui": ("content_check", "Ui_ContentCheckDialog", "QWidget"),
    "content_dialog.ui": ("content_dialog", "Ui_ContentDialog", "QWidget"),
    "day_dialog.ui": ("day_dialog", "Ui_DayDialog", "QWidget"),
    "due_step.ui": ("due_step", "Ui_DueStep", "QWidget"),
    "end_dialog.ui": ("end_dialog", "Ui_EndDialog", "QWidget"),
    "influencer_dialog.ui": ("influencer_dialog", "Ui_InfluencerDialog", "QWidget"),
    "influencers_toolbar.ui": ("influencers_toolbar", "Ui_InfluencersToolbar", "QWidget"),
    "list_view.ui": ("list_view", "Ui_ListView", "QWidget"),
    "main_window.ui": ("main_window", "Ui_MainWindow", "QMainWindow"),
    "message_dialog.ui": ("message_dialog", "Ui_MessageDialog", "QWidget"),
    "order_dialog.ui": ("order_dialog", "Ui_OrderForm", "QWidget"),
    "order_message.ui": ("order_message", "Ui_OrderMessageForm", "QWidget"),
    "order_settings.ui": ("order_settings", "Ui_OrderSettingsForm", "QWidget"),
    "order_ship.ui": ("order_ship", "Ui_OrderShipForm", "QWidget"),
    "product_dialog.ui": ("product_dialog", "Ui_ProductDialog", "QDialog"),
    "quick_note.ui": ("quick_note", "Ui_QuickNote", "QDialog"),
    "rating_dialog.ui": ("rating_dialog", "Ui_RatingDialog", "QWidget"),
    "reason_dialog.ui": ("reason_dialog", "Ui_ReasonDialog", "QWidget"),
    "reminder_popup.ui": ("reminder_popup", "Ui_ReminderPopup", "QFrame"),
    "shipment_dialog.ui": ("shipment_dialog", "Ui_ShipmentDialog", "QDialog"),
    "strike_dialog.ui": ("strike_dialog", "Ui_StrikeDialog", "QWidget"),
    "template_editor.ui": ("template_editor", "Ui_TemplateEditor", "QWidget"),
    "timeline_filters.ui": ("timeline_filters", "Ui_TimelineFilters", "QWidget"),
}
